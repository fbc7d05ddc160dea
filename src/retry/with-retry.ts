import { normalize } from "../errors/normalize.js";
import { retryLoop } from "./retry-loop.js";
import type { AttemptContext, RetryOptions } from "./types.js";

/**
 * Runs `fn` until it succeeds or the policy says stop, and throws the last failure as a
 * {@link StorageError} carrying `attempts` and `gaveUp`. Each round is three steps: admit
 * (`canAttempt`, the deadline, the budget's gate and pacing), attempt (one request with its
 * signal and timeout), settle (reconcile, decide, take the retry's cost, prepare). A call sends
 * at most `maxAttempts` requests, the budget's probes included; waiting at the gate sends nothing.
 * Every thrown value goes through `options.normalize` (default `normalize()`), every returned one
 * through `options.classifyResult` when given. Wrong options reject with a TypeError or
 * RangeError naming them. Defaults: {@link DEFAULT_POLICY}, no deadline, no attempt timeout, no
 * budget, the system clock, `Math.random`.
 */
export function withRetry<T>(
  fn: (ctx: AttemptContext) => Promise<T>,
  options: RetryOptions<T> = {},
): Promise<T> {
  return retryLoop(fn, options, normalize);
}
