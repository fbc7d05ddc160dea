import type { RetryClass } from "../errors/kinds.js";
import type { StorageError } from "../errors/storage-error.js";

/**
 * The outage gate of a {@link RetryBudget}: a circuit breaker's states, with the data each needs.
 * Times are milliseconds since the epoch.
 */
export type BudgetGate =
  | {
      /** Attempts go out (closed). */
      readonly state: "up";
    }
  | {
      /** The endpoint looks down: every new attempt waits, sending nothing. */
      readonly state: "holding";
      /** End of the hold: the first attempt admitted from then on goes out as the probe. */
      readonly untilMs: number;
      /** When the endpoint was first seen down. */
      readonly downSinceMs: number;
      /** Probes failed since `downSinceMs`; each doubles the next hold. */
      readonly failedProbes: number;
    }
  | {
      /** The one probe is out (half-open); the other attempts wait for its answer. */
      readonly state: "probing";
      /** When the probe went out; one unanswered after `openAfterMs` is taken as lost. */
      readonly sinceMs: number;
      /** When the endpoint was first seen down. */
      readonly downSinceMs: number;
      /** Probes failed since `downSinceMs`. */
      readonly failedProbes: number;
    }
  | {
      /**
       * Down longer than the budget's `openAfterMs`: new calls fail at once, without a request,
       * except one probe per `probeIntervalMs`.
       */
      readonly state: "open";
      /** When the next probe may go out. */
      readonly probeAtMs: number;
      /** When the endpoint was first seen down. */
      readonly downSinceMs: number;
      /** Probes failed since `downSinceMs`. */
      readonly failedProbes: number;
    };

/** The name of a {@link BudgetGate} state. */
export type BudgetGateState = BudgetGate["state"];

/** What {@link RetryBudget.admit} answers for one attempt about to be sent. */
export type Admission =
  | {
      /** Send the attempt now. */
      readonly verdict: "send";
      /** True when this attempt is the gate's one probe: report its outcome with `probe: true`. */
      readonly probe: boolean;
    }
  | {
      /** Send nothing yet. */
      readonly verdict: "wait";
      /** Milliseconds to wait before asking again. */
      readonly waitMs: number;
    }
  | {
      /** Fail the call at once, without a request (`gaveUp: "endpoint_down"`). */
      readonly verdict: "reject";
      /** How long the endpoint has been down, in milliseconds. */
      readonly downForMs: number;
      /** The last real failure the budget saw, for the error's `cause`; undefined when none. */
      readonly cause: StorageError | undefined;
    };

/** How an admitted attempt ended, as reported to {@link RetryBudget.record}. */
export type BudgetOutcome =
  | {
      /** An answer that was not a failure: the endpoint is up. */
      readonly result: "success";
      /** When the attempt ended, in milliseconds since the epoch. */
      readonly nowMs: number;
      /** Whether the attempt was the gate's probe (admitted with `probe: true`). */
      readonly probe: boolean;
      /**
       * The class of the failure this success retried, whose cost it puts back; absent on a
       * first attempt, which puts back `successRefill` instead.
       */
      readonly refund?: RetryClass | undefined;
    }
  | {
      /**
       * A failure. Its `error.retry` says whether it counts against the endpoint's health:
       * transient and throttling failures do; any other answer, a 404 say, proves the endpoint up.
       */
      readonly result: "failure";
      /** When the attempt ended, in milliseconds since the epoch. */
      readonly nowMs: number;
      /** Whether the attempt was the gate's probe (admitted with `probe: true`). */
      readonly probe: boolean;
      /** The attempt's failure. */
      readonly error: StorageError;
    }
  | {
      /** The caller aborted: it says nothing about the endpoint, but frees a probe. */
      readonly result: "cancelled";
      /** When the attempt ended, in milliseconds since the epoch. */
      readonly nowMs: number;
      /** Whether the attempt was the gate's probe (admitted with `probe: true`). */
      readonly probe: boolean;
    };

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
  /**
   * Reserves a send slot from a rate limiter; milliseconds to wait for it (0 when none). A slot
   * at or after `untilMs` (the call's deadline) is not reserved, only its wait returned.
   */
  reserveSendMs?(nowMs: number, untilMs?: number): number;
  /** The gate as last moved (reading it changes nothing). */
  readonly gate: BudgetGate;
  /** Tokens left. */
  readonly available: number;
}
