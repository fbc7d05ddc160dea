import { admitAttempt, wait } from "./admit-attempt.js";
import { attemptOnce } from "./attempt-once.js";
import { announceRetry, giveUp } from "./give-up.js";
import { createAbortedError } from "./retry-errors.js";
import { createRunState, type RunState } from "./run-state.js";
import { reportToBudget, settleFailure } from "./settle-failure.js";
import type { AttemptContext, RetryOptions } from "./types.js";

/**
 * The loop behind `withRetry`, with the normalizer thrown values go through when
 * `options.normalize` is not given: adapters pass their provider's, so that their bundles do
 * not carry every provider's catalogue.
 */
export async function retryLoop<T>(
  fn: (ctx: AttemptContext) => Promise<T>,
  options: RetryOptions<T>,
  normalize: RunState<T>["normalize"],
): Promise<T> {
  const state = createRunState(options, normalize);
  const { signal } = options;
  if (signal?.aborted) {
    return giveUp(state, createAbortedError(state, signal.reason), "aborted");
  }
  for (;;) {
    const admitted = await admitAttempt(state);
    if (!admitted.ok) return giveUp(state, admitted.error, admitted.reason);
    const result = await attemptOnce(fn, state);
    reportToBudget(state, result, admitted.probe);
    if (result.ok) {
      state.recorder?.success({
        attempt: state.sent,
        operation: state.operation,
        reconciled: false,
      });
      return result.value;
    }
    const settlement = await settleFailure(state, result.error, result.cancelled);
    if (settlement.action === "resolve") {
      state.recorder?.success({
        attempt: state.sent,
        operation: state.operation,
        reconciled: true,
      });
      return settlement.value;
    }
    if (settlement.action === "give_up") return giveUp(state, result.error, settlement.reason);
    announceRetry(state, result.error, settlement.delayMs);
    const aborted = await wait(state, settlement.delayMs);
    if (aborted) return giveUp(state, aborted.error, aborted.reason);
  }
}
