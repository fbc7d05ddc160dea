import type { RetryClass } from "../errors/kinds.js";
import { createRateLimiter, type RateLimiter, type RateLimiterOptions } from "./rate-limiter.js";
import type { RetryBudget } from "./types.js";

/** Options of {@link createRetryBudget}. */
export interface RetryBudgetOptions {
  /** Tokens when full. Default 500 (the AWS SDK's retry quota). */
  capacity?: number;
  /** Tokens one retry of each class costs. Defaults: transient 14, throttling 5, others 5, never 0. */
  costs?: Partial<Record<RetryClass, number>>;
  /** Tokens a first-attempt success puts back (a successful retry refunds its own cost). Default 1. */
  successRefill?: number;
  /** Consecutive transient or throttling failures that mark the endpoint down. Default 5. */
  outageThreshold?: number;
  /** How long new attempts are held once the endpoint looks down, in milliseconds. Default 250. */
  outageHoldMs?: number;
  /** The adaptive send-rate limiter's settings, or `false` for none. Default: its defaults. */
  rateLimiter?: RateLimiterOptions | false;
}

const DEFAULT_COSTS: Record<RetryClass, number> = {
  transient: 14,
  throttling: 5,
  conflict: 5,
  clock_skew: 5,
  credentials: 5,
  redirect: 5,
  never: 0,
};

/**
 * A retry budget to share between every operation of one client: a token bucket (retries take
 * tokens, successes put some back, so retries stay a small share of traffic when everything
 * fails) plus an outage detector working like a half-open circuit breaker: after
 * `outageThreshold` consecutive transient or throttling failures, or a failure once the tokens
 * are spent, `holdMs()` holds every new attempt (first attempts included) for `outageHoldMs`,
 * then lets a single probe through; its success reopens the gate, its failure holds again.
 * Any answer that is not a transient or throttling failure (a 404, say) proves the endpoint up.
 * It also owns the client's adaptive send-rate limiter ({@link createRateLimiter}), fed by
 * successes and throttling; throttling while it paces (the server still serving) is overload,
 * which clears the outage detector instead of feeding it.
 */
export function createRetryBudget(options: RetryBudgetOptions = {}): RetryBudget {
  const capacity = options.capacity ?? 500;
  const costs = { ...DEFAULT_COSTS, ...options.costs };
  const refill = options.successRefill ?? 1;
  const threshold = options.outageThreshold ?? 5;
  const holdStepMs = options.outageHoldMs ?? 250;
  const maxCost = Math.max(costs.transient, costs.throttling);
  let tokens = capacity;
  let consecutiveFailures = 0;
  let down = false;
  let tripPending = false;
  let holdUntilMs = 0;
  let probeAtMs: number | undefined;
  const limiter: RateLimiter | undefined =
    options.rateLimiter === false ? undefined : createRateLimiter(options.rateLimiter);

  return {
    get available() {
      return tokens;
    },
    get isDown() {
      return down;
    },
    reserveSendMs(nowMs) {
      return limiter?.reserveMs(nowMs) ?? 0;
    },
    tryAcquire(retry) {
      const cost = costs[retry];
      if (tokens < cost) return false;
      tokens -= cost;
      return true;
    },
    recordOutcome(ok, retry, nowMs) {
      if (nowMs !== undefined && (ok || retry === "throttling")) {
        limiter?.record(!ok, nowMs);
      }
      if (ok) {
        tokens = Math.min(capacity, tokens + (retry === undefined ? refill : costs[retry]));
      }
      if (ok || (retry !== "transient" && retry !== "throttling")) {
        consecutiveFailures = 0;
        down = false;
        tripPending = false;
        return;
      }
      // Overload the limiter paces (the server still serves) is not an outage: the limiter, not
      // the hold, spaces the attempts.
      if (retry === "throttling" && nowMs !== undefined && limiter?.isPacing(nowMs)) {
        consecutiveFailures = 0;
        down = false;
        tripPending = false;
        return;
      }
      consecutiveFailures++;
      if (consecutiveFailures >= threshold || tokens < maxCost) {
        down = true;
        // The budget has no clock: the hold starts at the next holdMs() call.
        tripPending = true;
      }
    },
    holdMs(nowMs) {
      if (!down) return 0;
      if (tripPending) {
        tripPending = false;
        holdUntilMs = nowMs + holdStepMs;
        probeAtMs = undefined;
      }
      if (nowMs < holdUntilMs) return holdUntilMs - nowMs;
      // Half-open: one probe per hold step; the others check again within a step.
      if (probeAtMs === undefined || nowMs - probeAtMs >= holdStepMs * 4) {
        probeAtMs = nowMs;
        return 0;
      }
      return holdStepMs;
    },
  };
}
