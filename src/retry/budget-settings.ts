import type { RetryClass } from "../errors/kinds.js";
import type { RetryBudgetOptions } from "./retry-budget.js";

/** A budget's settings with every default filled in (the rate limiter's aside). */
export interface BudgetSettings {
  /** Tokens when full; the bucket starts full. */
  capacity: number;
  /** Tokens one retry of each class takes; a class costing 0 is never refused by the tokens. */
  costs: Record<RetryClass, number>;
  /** Tokens a first-attempt success puts back, up to `capacity`. */
  successRefill: number;
  /** Consecutive transient or throttling failures that close the gate (`holding`). */
  outageThreshold: number;
  /** First hold of a down endpoint, in milliseconds; each failed probe doubles it, up to `probeIntervalMs`. */
  outageHoldMs: number;
  /** Longest hold between two probes, and the interval between probes once `open`, in milliseconds. */
  probeIntervalMs: number;
  /** How long the endpoint may stay down before new calls fail at once (`open`), in milliseconds. */
  openAfterMs: number;
}

/**
 * Fills in the defaults of {@link RetryBudgetOptions}: the one place they live, for the
 * in-process budget and for budgets shared elsewhere (bucketguard/redis).
 */
export function resolveBudgetOptions(options: RetryBudgetOptions = {}): BudgetSettings {
  return {
    capacity: options.capacity ?? 500,
    costs: {
      transient: 14,
      throttling: 5,
      conflict: 5,
      clock_skew: 5,
      credentials: 5,
      redirect: 5,
      never: 0,
      ...options.costs,
    },
    successRefill: options.successRefill ?? 1,
    outageThreshold: options.outageThreshold ?? 5,
    outageHoldMs: options.outageHoldMs ?? 250,
    probeIntervalMs: options.probeIntervalMs ?? 500,
    openAfterMs: options.openAfterMs ?? 10_000,
  };
}
