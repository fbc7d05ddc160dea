import type { GaveUpReason } from "../errors/kinds.js";
import type { StorageError } from "../errors/storage-error.js";
import type { AttemptResult } from "./attempt-once.js";
import { type Decision, decide } from "./decide.js";
import { isPossiblySelfInflicted, prepareRetry } from "./prepare-retry.js";
import { type RunState, recordAttempt } from "./run-state.js";

/** What to do after a failed attempt: retry after `delayMs`, resolve (reconciled), or give up. */
export type Settlement<T> =
  | { readonly action: "retry"; readonly delayMs: number }
  | { readonly action: "resolve"; readonly value: T }
  | { readonly action: "give_up"; readonly reason: GaveUpReason };

/** Tells the budget how an admitted attempt ended (`probe`: it was the gate's probe). */
export function reportToBudget<T>(
  state: RunState<T>,
  result: AttemptResult<T>,
  probe: boolean,
): void {
  const { budget } = state.options;
  if (!budget) return;
  const nowMs = state.clock.now();
  if (result.ok) budget.record({ result: "success", nowMs, probe, refund: state.charged });
  else if (result.cancelled) budget.record({ result: "cancelled", nowMs, probe });
  else budget.record({ result: "failure", nowMs, probe, error: result.error });
}

/**
 * The settle step, after a failed attempt: reconcile (a retry's failure its own earlier attempt
 * may have caused), decide, take the retry's cost from the budget (unless its gate holds the
 * endpoint: the gate paces the retry then), then prepare the one-shot
 * classes (clock offset, credentials, redirect). Records the attempt for the surfaced error.
 */
export async function settleFailure<T>(
  state: RunState<T>,
  error: StorageError,
  cancelled: boolean,
): Promise<Settlement<T>> {
  state.lastError = error;
  const reconciled = await reconcile(state, error);
  if (reconciled) return { action: "resolve", value: reconciled.value };
  const decision = decideNext(state, error);
  if (!decision.retry) return stop(state, error, cancelled ? "aborted" : decision.reason);
  // While the budget holds the endpoint its gate paces the retry (only probes go out): the
  // retry pays no tokens, and its backoff is cut short (a long one would only add to the
  // outage's wait), but kept jittered so that the calls a reopened gate lets go do not all
  // go at once.
  const { budget } = state.options;
  const gated = budget !== undefined && budget.gate.state !== "up";
  state.charged = budget && !gated ? error.retry : undefined;
  if (budget && !gated && !budget.tryAcquire(error.retry)) return stop(state, error, "budget");
  if (!(await prepareRetry(state, error))) return stop(state, error, "not_retryable");
  const delayMs = gated ? Math.min(decision.delayMs, GATED_MAX_DELAY_MS) : decision.delayMs;
  state.previousDelayMs.set(error.retry, decision.delayMs);
  recordAttempt(state, error, delayMs);
  return { action: "retry", delayMs };
}

/** Asks `reconcile` whether a retry's failure hides an earlier attempt that landed. */
export async function reconcile<T>(
  state: RunState<T>,
  error: StorageError,
): Promise<{ value: T } | undefined> {
  const { reconcile: check } = state.options;
  if (state.sent <= 1 || !check || !isPossiblySelfInflicted(error)) return undefined;
  return check(error, state.sent).catch(() => undefined);
}

/** Counts the failure against its class and runs the pure decision. */
export function decideNext<T>(state: RunState<T>, error: StorageError): Decision {
  const failures = (state.classFailures.get(error.retry) ?? 0) + 1;
  state.classFailures.set(error.retry, failures);
  return decide({
    error,
    attempt: state.sent,
    classFailures: failures,
    policy: state.policy,
    operation: state.options.operation,
    nowMs: state.clock.now(),
    deadlineAtMs: state.deadlineAtMs,
    previousDelayMs: state.previousDelayMs.get(error.retry),
    canRefreshCredentials: state.options.refreshCredentials !== undefined,
    random: state.random,
  });
}

/** Longest backoff of a retry the budget's gate paces, in milliseconds. */
const GATED_MAX_DELAY_MS = 500;

function stop<T>(state: RunState<T>, error: StorageError, reason: GaveUpReason): Settlement<T> {
  recordAttempt(state, error, 0);
  return { action: "give_up", reason };
}
