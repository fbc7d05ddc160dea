import type { NormalizeContext, RetryClass, RetryPolicyOverrides, StorageError } from "../index.js";
import { decide, normalize, resolvePolicy } from "../index.js";

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
  const storageError = normalize(error, options.context);
  if (!(options.retryClasses ?? DEFAULT_RETRY_CLASSES).includes(storageError.retry)) {
    return { error: storageError, retry: false, delayMs: 0 };
  }
  // The engine's own decision, for a loop that counts attempts but not failures per class.
  const decision = decide({
    error: storageError,
    attempt: attemptNumber,
    classFailures: attemptNumber,
    policy: resolvePolicy(options.policy),
    nowMs: 0,
    canRefreshCredentials: options.retryClasses?.includes("credentials") ?? false,
    random: options.random ?? Math.random,
  });
  return decision.retry
    ? { error: storageError, retry: true, delayMs: decision.delayMs }
    : { error: storageError, retry: false, delayMs: 0 };
}
