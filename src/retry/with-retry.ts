import { admitAttempt, wait } from "./admit-attempt.js";
import { attemptOnce } from "./attempt-once.js";
import { announceRetry, giveUp, reportSuccess } from "./give-up.js";
import { createAbortedError } from "./retry-errors.js";
import { createRunState } from "./run-state.js";
import { reportToBudget, settleFailure } from "./settle-failure.js";
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
export async function withRetry<T>(
  fn: (ctx: AttemptContext) => Promise<T>,
  options: RetryOptions<T> = {},
): Promise<T> {
  const state = createRunState(options);
  const { signal } = options;
  if (signal?.aborted) {
    return giveUp(state, createAbortedError(state.origin, signal.reason), "aborted");
  }
  for (;;) {
    const admitted = await admitAttempt(state);
    if (!admitted.ok) return giveUp(state, admitted.error, admitted.reason);
    const result = await attemptOnce(fn, state);
    reportToBudget(state, result, admitted.probe);
    if (result.ok) {
      reportSuccess(state, false);
      return result.value;
    }
    const settlement = await settleFailure(state, result.error, result.cancelled);
    if (settlement.action === "resolve") {
      reportSuccess(state, true);
      return settlement.value;
    }
    if (settlement.action === "give_up") return giveUp(state, result.error, settlement.reason);
    announceRetry(state, result.error, settlement.delayMs);
    const aborted = await wait(state, settlement.delayMs);
    if (aborted) return giveUp(state, aborted.error, aborted.reason);
  }
}
