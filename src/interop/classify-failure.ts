import type { NormalizeContext, RetryClass, RetryPolicyOverrides, StorageError } from "../index.js";
import { computeDelayMs, normalize, resolvePolicy } from "../index.js";

/** Options shared by the p-retry and cockatiel helpers. */
export interface InteropOptions {
  /**
   * Overrides of the default policy (`DEFAULT_POLICY`): per-class attempts and backoff, hints
   * honoured and capped.
   * @default undefined (the default policy)
   */
  policy?: RetryPolicyOverrides | undefined;
  /**
   * Retry classes retried by the other library's loop. `clock_skew`, `credentials` and
   * `redirect` need what only bucketguard's own loop and adapters do between attempts (learn the
   * server's clock, refresh credentials, follow the region), so they are left out unless the
   * caller does that part.
   * @default ["throttling", "transient", "conflict"]
   */
  retryClasses?: readonly RetryClass[] | undefined;
  /**
   * What the caller knows about the call (provider, operation, bucket, key), passed to
   * `normalize()`.
   * @default undefined (the provider is detected from the error)
   */
  context?: NormalizeContext | undefined;
  /**
   * Uniform in [0, 1), for the backoff jitter.
   * @default Math.random
   */
  random?: (() => number) | undefined;
}

/** What bucketguard makes of one failed attempt. */
export interface FailureVerdict {
  /** The failure, normalized. */
  error: StorageError;
  /** Whether another attempt can help, by the error's retry class and the attempts so far. */
  retry: boolean;
  /** Wait before the next attempt, in milliseconds: the provider's hint (capped) or the class's backoff. */
  delayMs: number;
}

const DEFAULT_RETRY_CLASSES: readonly RetryClass[] = ["throttling", "transient", "conflict"];

/**
 * Classifies a failure the way bucketguard's loop would, without running the loop: normalizes
 * `error`, then decides by its retry class whether attempt `attemptNumber + 1` may follow
 * (`attemptNumber` counts attempts made so far, the failed one included) and how long to wait.
 */
export function classifyFailure(
  error: unknown,
  attemptNumber: number,
  options: InteropOptions = {},
): FailureVerdict {
  const policy = resolvePolicy(options.policy);
  const storageError = normalize(error, options.context);
  const cls = storageError.retry;
  const classPolicy = policy.classes[cls];
  const retry =
    storageError.kind !== "aborted" &&
    (options.retryClasses ?? DEFAULT_RETRY_CLASSES).includes(cls) &&
    attemptNumber < classPolicy.maxAttempts &&
    attemptNumber < policy.maxAttempts;
  if (!retry) return { error: storageError, retry, delayMs: 0 };
  const hintMs = storageError.retryAfterMs;
  const delayMs =
    policy.honorHints && hintMs !== undefined
      ? Math.min(Math.max(0, hintMs), policy.maxHintMs)
      : computeDelayMs({
          jitter: classPolicy.jitter,
          baseDelayMs: classPolicy.baseDelayMs,
          maxDelayMs: classPolicy.maxDelayMs,
          retryNumber: attemptNumber,
          random: options.random ?? Math.random,
        });
  return { error: storageError, retry, delayMs };
}
