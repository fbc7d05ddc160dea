import { RETRY_CLASSES, type RetryClass } from "../errors/kinds.js";
import type { StorageError } from "../errors/storage-error.js";
import {
  admitThroughGate,
  GATE_UP,
  type GateTimings,
  settleProbe,
  tripGate,
} from "./budget-gate.js";
import { resolveBudgetOptions } from "./budget-settings.js";
import {
  createRateLimiter,
  type RateLimiter,
  type RateLimiterOptions,
  validateRateLimiterOptions,
} from "./rate-limiter.js";
import type { Admission, BudgetGate, BudgetOutcome, RetryBudget } from "./retry-budget-contract.js";
import { checkCount, checkDuration, checkNumber, checkObject } from "./validate-options.js";

/** Options of {@link createRetryBudget}. */
export interface RetryBudgetOptions {
  /**
   * Tokens when full (the AWS SDK's retry quota).
   * @default 500
   */
  capacity?: number;
  /**
   * Tokens one retry of each class costs.
   * @default { transient: 14, throttling: 5, conflict: 5, clock_skew: 5, credentials: 5, redirect: 5, never: 0 }
   */
  costs?: Partial<Record<RetryClass, number>>;
  /**
   * Tokens a first-attempt success puts back (a successful retry refunds its own cost).
   * @default 1
   */
  successRefill?: number;
  /**
   * Consecutive transient or throttling failures that mark the endpoint down.
   * @default 5
   */
  outageThreshold?: number;
  /**
   * First hold once the endpoint looks down, in milliseconds; each failed probe doubles it, up
   * to `probeIntervalMs`.
   * @default 250
   */
  outageHoldMs?: number;
  /**
   * Longest time between two probes of a down endpoint, in milliseconds; while open, one probe
   * is let through per interval.
   * @default 500
   */
  probeIntervalMs?: number;
  /**
   * How long the endpoint may stay down (every probe failing) before new calls fail at once
   * (`gaveUp: "endpoint_down"`) instead of waiting, in milliseconds. It bounds how long any call
   * waits for the endpoint.
   * @default 10000
   */
  openAfterMs?: number;
  /**
   * The adaptive send-rate limiter's settings, or `false` for none.
   * @default {} (the limiter with its defaults)
   */
  rateLimiter?: RateLimiterOptions | false;
}

/**
 * A retry budget to share between every operation of one client: a token bucket (retries take
 * tokens, successes put some back, so retries stay a small share of traffic when everything
 * fails) plus a circuit breaker, the {@link BudgetGate}: after `outageThreshold` consecutive
 * transient or throttling failures, or a failure once the tokens are spent, every new attempt
 * waits (`holding`), sending nothing, and one probe goes out per hold (`probing`); its success
 * reopens the gate at once, its failure holds again, longer. Once the endpoint has been down
 * `openAfterMs`, new calls fail at once (`open`), but for one probe per `probeIntervalMs`.
 * Any answer that is not a transient or throttling failure (a 404, say) proves the endpoint up.
 * It also owns the client's adaptive send-rate limiter ({@link createRateLimiter}), fed by
 * successes and throttling; throttling while it paces (the server still serving) is overload,
 * which clears the outage detector instead of feeding it.
 * Throws a TypeError or RangeError naming a wrong option.
 */
export function createRetryBudget(options: RetryBudgetOptions = {}): RetryBudget {
  validateBudgetOptions(options);
  const settings = resolveBudgetOptions(options);
  const { capacity, costs, successRefill: refill, outageThreshold: threshold } = settings;
  const timings: GateTimings = settings;
  const maxCost = Math.max(costs.transient, costs.throttling);
  const limiter: RateLimiter | undefined =
    options.rateLimiter === false ? undefined : createRateLimiter(options.rateLimiter);
  let tokens = capacity;
  let consecutiveFailures = 0;
  let gate: BudgetGate = GATE_UP;
  let lastFailure: StorageError | undefined;

  const markUp = (): void => {
    consecutiveFailures = 0;
    gate = GATE_UP;
  };
  const recordFailure = (error: StorageError, probe: boolean, nowMs: number): void => {
    if (error.retry === "throttling") limiter?.record(true, nowMs);
    if (error.retry !== "transient" && error.retry !== "throttling") {
      markUp();
      return;
    }
    // Overload the limiter paces (the server still serves) is not an outage: the limiter, not
    // the gate, spaces the attempts.
    if (error.retry === "throttling" && limiter?.isPacing(nowMs)) {
      markUp();
      return;
    }
    lastFailure = error;
    if (gate.state !== "up") {
      if (probe) gate = settleProbe(gate, false, nowMs, timings);
      return;
    }
    consecutiveFailures++;
    if (consecutiveFailures >= threshold || tokens < maxCost) gate = tripGate(nowMs, timings);
  };

  return {
    get available() {
      return tokens;
    },
    get gate() {
      return gate;
    },
    admit(nowMs): Admission {
      const [next, verdict] = admitThroughGate(gate, nowMs, timings);
      gate = next;
      return verdict.verdict === "reject" ? { ...verdict, cause: lastFailure } : verdict;
    },
    reserveSendMs(nowMs, untilMs) {
      return limiter?.reserveMs(nowMs, untilMs) ?? 0;
    },
    tryAcquire(retry) {
      const cost = costs[retry];
      if (tokens < cost) return false;
      tokens -= cost;
      return true;
    },
    record(outcome: BudgetOutcome) {
      switch (outcome.result) {
        case "success":
          limiter?.record(false, outcome.nowMs);
          tokens = Math.min(capacity, tokens + (outcome.refund ? costs[outcome.refund] : refill));
          markUp();
          return;
        case "failure":
          recordFailure(outcome.error, outcome.probe, outcome.nowMs);
          return;
        case "cancelled":
          if (outcome.probe) gate = settleProbe(gate, undefined, outcome.nowMs, timings);
      }
    },
  };
}

function validateBudgetOptions(options: RetryBudgetOptions): void {
  checkObject("budget options", options);
  checkNumber("capacity", options.capacity, 0);
  checkObject("costs", options.costs);
  for (const name of RETRY_CLASSES) checkNumber(`costs.${name}`, options.costs?.[name], 0);
  checkNumber("successRefill", options.successRefill, 0);
  checkCount("outageThreshold", options.outageThreshold);
  checkDuration("outageHoldMs", options.outageHoldMs);
  checkDuration("probeIntervalMs", options.probeIntervalMs);
  checkDuration("openAfterMs", options.openAfterMs);
  if (options.rateLimiter !== false && options.rateLimiter !== undefined) {
    validateRateLimiterOptions(options.rateLimiter, "rateLimiter.");
  }
}
