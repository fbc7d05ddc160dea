import type { RetryClass } from "../errors/kinds.js";
import type { StorageError } from "../errors/storage-error.js";

/**
 * The outage gate of a {@link RetryBudget}: a circuit breaker's states, with the data each needs.
 * - `up`: attempts go out (closed).
 * - `holding`: the endpoint looks down; every new attempt waits, sending nothing, until
 *   `untilMs`, when one of them goes out as the probe.
 * - `probing`: the one probe is out (half-open); the others wait for its answer.
 * - `open`: the endpoint has been down longer than the budget's `openAfterMs`; new calls fail at
 *   once, without a request, except one probe per `probeIntervalMs` (from `probeAtMs` on).
 *
 * `downSinceMs` is when the endpoint was first seen down (ms since the epoch); `failedProbes`
 * counts the probes that failed since then (it spaces the holds).
 */
export type BudgetGate =
  | { readonly state: "up" }
  | {
      readonly state: "holding";
      readonly untilMs: number;
      readonly downSinceMs: number;
      readonly failedProbes: number;
    }
  | {
      readonly state: "probing";
      readonly sinceMs: number;
      readonly downSinceMs: number;
      readonly failedProbes: number;
    }
  | {
      readonly state: "open";
      readonly probeAtMs: number;
      readonly downSinceMs: number;
      readonly failedProbes: number;
    };

/** The name of a {@link BudgetGate} state. */
export type BudgetGateState = BudgetGate["state"];

/**
 * What {@link RetryBudget.admit} answers for one attempt about to be sent:
 * - `send`: go; `probe` is true when this attempt is the gate's one probe (report its outcome
 *   with `probe: true`);
 * - `wait`: send nothing, ask again after `waitMs`;
 * - `reject`: the endpoint has been down `downForMs`: fail the call at once, without a request;
 *   `cause` is the last real failure the budget saw, when it has one.
 */
export type Admission =
  | { readonly verdict: "send"; readonly probe: boolean }
  | { readonly verdict: "wait"; readonly waitMs: number }
  | {
      readonly verdict: "reject";
      readonly downForMs: number;
      readonly cause: StorageError | undefined;
    };

/**
 * How an admitted attempt ended, as reported to {@link RetryBudget.record}.
 * - `success`: an answer that was not a failure. `refund` is the class of the failure this
 *   success retried, whose cost it puts back (absent on a first attempt).
 * - `failure`: `error.retry` says whether it counts against the endpoint's health (transient
 *   and throttling failures do; any other answer, a 404 say, proves the endpoint up).
 * - `cancelled`: the caller aborted; it says nothing about the endpoint, but frees a probe.
 */
export type BudgetOutcome =
  | {
      readonly result: "success";
      readonly nowMs: number;
      readonly probe: boolean;
      readonly refund?: RetryClass | undefined;
    }
  | {
      readonly result: "failure";
      readonly nowMs: number;
      readonly probe: boolean;
      readonly error: StorageError;
    }
  | { readonly result: "cancelled"; readonly nowMs: number; readonly probe: boolean };

/**
 * A retry budget shared by every operation of one client: a token bucket for retries, a circuit
 * breaker (the {@link BudgetGate}) for outages, and optionally a send-rate limiter.
 * `createRetryBudget()` builds the in-process one; any object with these members works (a budget
 * shared through Redis, say). The engine calls, per attempt: `admit` (until it answers `send` or
 * `reject`), `reserveSendMs`, then `record` once the attempt ends, and `tryAcquire` before each
 * retry's wait.
 */
export interface RetryBudget {
  /** Whether an attempt may be sent now; see {@link Admission}. May move the gate. */
  admit(nowMs: number): Admission;
  /** Records how an admitted attempt ended; see {@link BudgetOutcome}. */
  record(outcome: BudgetOutcome): void;
  /** Takes the cost of one retry of this class; false when the budget is spent. */
  tryAcquire(retry: RetryClass): boolean;
  /** Reserves a send slot from a rate limiter; milliseconds to wait for it (0 when none). */
  reserveSendMs?(nowMs: number): number;
  /** The gate as last moved (reading it changes nothing). */
  readonly gate: BudgetGate;
  /** Tokens left. */
  readonly available: number;
}
