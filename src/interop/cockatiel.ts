import { classifyFailure, type InteropOptions } from "./classify-failure.js";

/**
 * A `handleWhen` predicate for cockatiel: true when bucketguard would retry the error by its
 * retry class (throttling, transient and conflict by default; never a `never`-class error such
 * as a 404, 403 or 412, nor a cancellation). Attempts are counted by cockatiel's `maxAttempts`.
 *
 * ```ts
 * import { ExponentialBackoff, handleWhen, retry } from "cockatiel";
 * import { isRetryableError } from "bucketguard/interop";
 *
 * const policy = retry(handleWhen((error) => isRetryableError(error)), {
 *   maxAttempts: 3,
 *   backoff: new ExponentialBackoff(),
 * });
 * ```
 */
export function isRetryableError(error: unknown, options: InteropOptions = {}): boolean {
  return classifyFailure(error, 1, { ...options, policy: withoutClassLimits(options) }).retry;
}

// cockatiel counts attempts itself: the predicate answers by class only.
function withoutClassLimits(options: InteropOptions): InteropOptions["policy"] {
  const unlimited = { maxAttempts: Number.MAX_SAFE_INTEGER };
  const classes = options.policy?.classes;
  return {
    ...options.policy,
    maxAttempts: Number.MAX_SAFE_INTEGER,
    classes: {
      ...classes,
      throttling: { ...classes?.throttling, ...unlimited },
      transient: { ...classes?.transient, ...unlimited },
      conflict: { ...classes?.conflict, ...unlimited },
      clock_skew: { ...classes?.clock_skew, ...unlimited },
      credentials: { ...classes?.credentials, ...unlimited },
      redirect: { ...classes?.redirect, ...unlimited },
    },
  };
}

/** The part of cockatiel's `IRetryBackoffContext` the backoff reads. */
export interface CockatielBackoffContext {
  /** 1 for the first retry. */
  readonly attempt: number;
  /** What the last attempt gave: a thrown error, or a value cockatiel was told to retry on. */
  readonly result:
    | {
        /** The error the attempt threw; its hint or retry class sets the wait. */
        readonly error: unknown;
      }
    | {
        /** The value the attempt returned, normalized like a thrown one to choose the wait. */
        readonly value: unknown;
      };
}

/** A cockatiel backoff step (structurally cockatiel's `IBackoff`). */
export interface CockatielBackoff {
  /** Wait before this retry, in milliseconds. */
  readonly duration: number;
  /** The step after this one, for the retry `context` describes. */
  next(context: CockatielBackoffContext): CockatielBackoff;
}

/** A cockatiel backoff factory (structurally cockatiel's `IBackoffFactory`). */
export interface CockatielBackoffFactory {
  /** The first step, for the retry `context` describes. */
  next(context: CockatielBackoffContext): CockatielBackoff;
}

/**
 * A cockatiel backoff that waits what bucketguard would: the provider's hint (`Retry-After`,
 * `x-amz-retry-after`, "retry in N seconds"), capped by the policy's `maxHintMs`, or else the
 * backoff of the error's retry class (full jitter from 1 s for throttling, from 50 ms for
 * transient failures, by default).
 *
 * ```ts
 * import { handleWhen, retry } from "cockatiel";
 * import { createCockatielBackoff, isRetryableError } from "bucketguard/interop";
 *
 * const policy = retry(handleWhen((error) => isRetryableError(error)), {
 *   maxAttempts: 3,
 *   backoff: createCockatielBackoff(),
 * });
 * ```
 */
export function createCockatielBackoff(options: InteropOptions = {}): CockatielBackoffFactory {
  const policy = withoutClassLimits(options);
  const step = (context: CockatielBackoffContext): CockatielBackoff => {
    const failure = "error" in context.result ? context.result.error : context.result.value;
    const { delayMs } = classifyFailure(failure, context.attempt, {
      ...options,
      policy,
      // cockatiel's predicate chose to retry: wait as its class says (a `never` class waits 0).
      retryClasses: [
        "throttling",
        "transient",
        "conflict",
        "clock_skew",
        "credentials",
        "redirect",
      ],
    });
    return { duration: delayMs, next: step };
  };
  return { next: step };
}
