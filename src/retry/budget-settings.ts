import type { RetryClass } from "../errors/kinds.js";
import type { RetryBudgetOptions } from "./retry-budget.js";

/** A budget's settings with every default filled in (the rate limiter's aside). */
export interface BudgetSettings {
  capacity: number;
  costs: Record<RetryClass, number>;
  successRefill: number;
  outageThreshold: number;
  outageHoldMs: number;
  probeIntervalMs: number;
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
