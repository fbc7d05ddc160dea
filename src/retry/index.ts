// The retry engine: policy, backoff, budget, the decision, the loop.
export type { DelayInput } from "./compute-delay.js";
export { computeDelayMs } from "./compute-delay.js";
export type { DecideInput, Decision } from "./decide.js";
export { decide } from "./decide.js";
export { DEFAULT_POLICY, resolvePolicy } from "./default-policy.js";
export type { ManualClock } from "./manual-clock.js";
export { createManualClock } from "./manual-clock.js";
export type { RateLimiter, RateLimiterOptions } from "./rate-limiter.js";
export { createRateLimiter } from "./rate-limiter.js";
export type { RetryBudgetOptions } from "./retry-budget.js";
export { createRetryBudget } from "./retry-budget.js";
export type {
  Admission,
  BudgetGate,
  BudgetGateState,
  BudgetOutcome,
} from "./retry-budget-contract.js";
export { systemClock } from "./system-clock.js";
export type {
  AttemptContext,
  ClassPolicy,
  Clock,
  GiveUpEvent,
  Idempotency,
  JitterMode,
  OperationDescriptor,
  Reconciled,
  RetryBudget,
  RetryEvent,
  RetryOptions,
  RetryPolicy,
  RetryPolicyOverrides,
  RetrySettings,
} from "./types.js";
export { withRetry } from "./with-retry.js";
