import type { GaveUpReason } from "../errors/kinds.js";
import { markGaveUp, type StorageError } from "../errors/storage-error.js";
import { callObserver } from "../telemetry/call-observer.js";
import type { RunState } from "./run-state.js";

/** Marks `error` with the attempts and `reason`, tells `onGiveUp`, and throws it. */
export function giveUp<T>(state: RunState<T>, error: StorageError, reason: GaveUpReason): never {
  markGaveUp(error, state.attempts.slice(), reason);
  const event = {
    attempt: state.sent,
    error,
    retry: error.retry,
    reason,
    attempts: error.attempts ?? [],
    operation: state.operation,
  };
  callObserver(() => state.options.onGiveUp?.(event));
  state.recorder?.giveUp(event);
  throw error;
}

/** Tells `onRetry` that the attempt just failed is retried after `delayMs`. */
export function announceRetry<T>(state: RunState<T>, error: StorageError, delayMs: number): void {
  const event = {
    attempt: state.sent,
    delayMs,
    error,
    retry: error.retry,
    operation: state.operation,
  };
  callObserver(() => state.options.onRetry?.(event));
  state.recorder?.retry(event);
}
