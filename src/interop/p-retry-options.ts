import type { Clock } from "../index.js";
import { resolvePolicy, systemClock } from "../index.js";
import { classifyFailure, type FailureVerdict, type InteropOptions } from "./classify-failure.js";

/**
 * The part of p-retry 7's `RetryContext` the helpers read. p-retry 6 passes the error itself
 * (with `attemptNumber` and `retriesLeft` set on it): both shapes are read.
 */
export interface PRetryContextLike {
  /** What the attempt threw; normalized to a StorageError to be classified. */
  readonly error: unknown;
  /** 1 for the first attempt. */
  readonly attemptNumber: number;
  /** Retries p-retry has left; at 0 nothing is waited for. Undefined when p-retry does not say. */
  readonly retriesLeft?: number | undefined;
}

/** Options of {@link pRetryOptions}. */
export interface PRetryInteropOptions extends InteropOptions {
  /**
   * Clock the waits run on (tests pass `createManualClock()`).
   * @default systemClock
   */
  clock?: Clock | undefined;
  /**
   * Ends a wait early; p-retry's own `signal` option still stops the loop.
   * @default undefined (waits run to their end)
   */
  signal?: AbortSignal | undefined;
}

/** Options to spread into `pRetry(fn, { ...pRetryOptions() })`. */
export interface PRetryOptionsLike {
  /** Attempts after the first: the policy's total, less one. */
  readonly retries: number;
  /** 0: the wait happens in `onFailedAttempt`, by bucketguard's policy, instead of p-retry's backoff. */
  readonly minTimeout: number;
  /** 0, for the same reason as `minTimeout`: p-retry adds no wait of its own. */
  readonly maxTimeout: number;
  /** Normalizes the failure and waits its hint, or its class's backoff, when it will be retried. */
  readonly onFailedAttempt: (context: PRetryContextLike) => Promise<void>;
  /** True when the failure's retry class may be retried and its attempts are not used up. */
  readonly shouldRetry: (context: PRetryContextLike) => boolean;
}

/**
 * bucketguard's classification for p-retry's loop: `shouldRetry` answers by the failure's retry
 * class (throttling, transient and conflict by default; `never` is never retried) and the class's
 * attempts, and `onFailedAttempt` waits what the provider asked (`Retry-After`, "retry in N
 * seconds", capped) or the class's backoff. p-retry's own backoff is set to 0 so waits do not add up;
 * override `retries` to bound the loop differently.
 *
 * ```ts
 * import pRetry from "p-retry";
 * import { pRetryOptions } from "bucketguard/interop";
 *
 * const text = await pRetry(() => download("reports/2026.csv"), pRetryOptions());
 * ```
 */
export function pRetryOptions(options: PRetryInteropOptions = {}): PRetryOptionsLike {
  const clock = options.clock ?? systemClock;
  // Resolved now so that a wrong option throws here, naming it, rather than inside p-retry's loop.
  const { maxAttempts } = resolvePolicy(options.policy);
  // p-retry asks both hooks about each failure: it is classified (and its wait drawn) once.
  let last: { failure: unknown; attempt: number; verdict: FailureVerdict } | undefined;
  const verdictOf = (context: PRetryContextLike): FailureVerdict => {
    const failure = failureOf(context);
    const seen = last;
    if (seen && seen.failure === failure && seen.attempt === context.attemptNumber) {
      return seen.verdict;
    }
    const verdict = classifyFailure(failure, context.attemptNumber, options);
    last = { failure, attempt: context.attemptNumber, verdict };
    return verdict;
  };
  return {
    retries: maxAttempts - 1,
    minTimeout: 0,
    maxTimeout: 0,
    shouldRetry: (context) => verdictOf(context).retry,
    async onFailedAttempt(context) {
      if (context.retriesLeft === 0) return;
      const verdict = verdictOf(context);
      if (verdict.retry && verdict.delayMs > 0) await wait(clock, verdict.delayMs, options.signal);
    },
  };
}

/** p-retry 7 hands a context holding `error`; p-retry 6 the error itself. */
function failureOf(context: PRetryContextLike): unknown {
  return context instanceof Error || !("error" in context) ? context : context.error;
}

function wait(clock: Clock, delayMs: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      cancel();
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const cancel = clock.setTimer(done, delayMs);
    signal?.addEventListener("abort", done, { once: true });
  });
}
