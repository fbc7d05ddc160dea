import type { RetryClass } from "../errors/kinds.js";
import type { ClassPolicy, RetryPolicy, RetryPolicyOverrides } from "./types.js";
import {
  checkBoolean,
  checkCount,
  checkDuration,
  checkObject,
  checkOneOf,
} from "./validate-options.js";

const classPolicy = (
  maxAttempts: number,
  baseDelayMs: number,
  maxDelayMs: number,
  jitter: ClassPolicy["jitter"],
) => Object.freeze({ maxAttempts, baseDelayMs, maxDelayMs, jitter });
const ONCE = /* @__PURE__ */ classPolicy(2, 0, 0, "none");

// A total attempt count set by the caller also bounds these classes (as the AWS SDK's maxAttempts
// does), so `maxAttempts: 5` means five attempts, unless the class sets its own figure.
/** The classes whose attempts follow `maxAttempts` (the others keep their own, one retry at most). */
export const FOLLOWS_TOTAL: ReadonlySet<RetryClass> = new Set([
  "throttling",
  "transient",
  "conflict",
]);

/**
 * The default policy. Figures from the AWS SDK's standard strategy and the simulation in
 * `bench/retry` (see docs/retry-policies.md):
 * - 3 attempts in total (the first included); the AWS adapter defaults to 6 (its own
 *   `DEFAULT_SDK_MAX_ATTEMPTS`, see docs/retry-policies.md);
 * - `transient`: full jitter from 50 ms, capped at 20 s;
 * - `throttling`: full jitter from 1 s, capped at 20 s;
 * - `conflict`: full jitter from 100 ms, capped at 1 s;
 * - `clock_skew`, `credentials`, `redirect`: one immediate retry, under their conditions;
 * - `never`: no retry;
 * - hints honoured, capped at 20 s.
 */
export const DEFAULT_POLICY: Readonly<RetryPolicy> = /* @__PURE__ */ Object.freeze({
  classes: /* @__PURE__ */ Object.freeze({
    throttling: /* @__PURE__ */ classPolicy(3, 1000, 20_000, "full"),
    transient: /* @__PURE__ */ classPolicy(3, 50, 20_000, "full"),
    conflict: /* @__PURE__ */ classPolicy(3, 100, 1000, "full"),
    clock_skew: ONCE,
    credentials: ONCE,
    redirect: ONCE,
    never: /* @__PURE__ */ classPolicy(1, 0, 0, "none"),
  } satisfies Record<RetryClass, ClassPolicy>),
  maxAttempts: 3,
  honorHints: true,
  maxHintMs: 20_000,
});

/**
 * Merges overrides over {@link DEFAULT_POLICY}, class by class and field by field.
 * `maxAttempts` (the shorthand of `withRetry`) wins over `overrides.maxAttempts`; either also
 * sets the attempts of the throttling, transient and conflict classes that the overrides leave unset.
 * Throws a TypeError or RangeError naming the option when a value is wrong.
 */
export function resolvePolicy(overrides?: RetryPolicyOverrides, maxAttempts?: number): RetryPolicy {
  if (overrides !== undefined) return buildPolicy(overrides, maxAttempts);
  // Adapters resolve the defaults on every operation: reuse the frozen result. (Overrides are
  // not cached, so an options object changed between calls is always read afresh.)
  const cached = defaultsByTotal.get(maxAttempts);
  if (cached) return cached;
  const policy = buildPolicy(undefined, maxAttempts);
  for (const name of Object.keys(policy.classes) as RetryClass[]) {
    Object.freeze(policy.classes[name]);
  }
  Object.freeze(policy.classes);
  Object.freeze(policy);
  if (defaultsByTotal.size < MAX_CACHED_TOTALS) defaultsByTotal.set(maxAttempts, policy);
  return policy;
}

const MAX_CACHED_TOTALS = 32;
const JITTER_MODES = ["full", "equal", "decorrelated", "none"] as const;
const defaultsByTotal = new Map<number | undefined, RetryPolicy>();

function buildPolicy(overrides?: RetryPolicyOverrides, maxAttempts?: number): RetryPolicy {
  const total = maxAttempts ?? overrides?.maxAttempts;
  const classes = {} as Record<RetryClass, ClassPolicy>;
  for (const [name, base] of Object.entries(DEFAULT_POLICY.classes) as [
    RetryClass,
    ClassPolicy,
  ][]) {
    const followed = total !== undefined && FOLLOWS_TOTAL.has(name) ? { maxAttempts: total } : {};
    const merged = { ...base, ...followed, ...overrides?.classes?.[name] };
    checkObject(`policy.classes.${name}`, overrides?.classes?.[name]);
    checkCount(`policy.classes.${name}.maxAttempts`, merged.maxAttempts);
    checkDuration(`policy.classes.${name}.baseDelayMs`, merged.baseDelayMs);
    checkDuration(`policy.classes.${name}.maxDelayMs`, merged.maxDelayMs);
    checkOneOf(`policy.classes.${name}.jitter`, merged.jitter, JITTER_MODES);
    classes[name] = merged;
  }
  const policy: RetryPolicy = {
    classes,
    maxAttempts: total ?? DEFAULT_POLICY.maxAttempts,
    honorHints: overrides?.honorHints ?? DEFAULT_POLICY.honorHints,
    maxHintMs: overrides?.maxHintMs ?? DEFAULT_POLICY.maxHintMs,
  };
  checkCount("maxAttempts", policy.maxAttempts);
  checkDuration("policy.maxHintMs", policy.maxHintMs);
  checkBoolean("policy.honorHints", policy.honorHints);
  return policy;
}
