import type { StorageError } from "../errors/storage-error.js";
import { createAbortedError, createTimeoutError } from "./retry-errors.js";
import { type AttemptSignal, createAttemptSignal, raceAbort } from "./run-attempt.js";
import type { RunState } from "./run-state.js";
import type { AttemptContext } from "./types.js";

/** How one attempt ended: a value, or a failure (`cancelled` when the caller aborted it). */
export type AttemptResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: StorageError; readonly cancelled: boolean };

/**
 * The attempt step: sends one attempt with its own signal and timeout (the smaller of
 * `attemptTimeoutMs` and what is left of the deadline), then turns what it threw, or a value
 * `classifyResult` calls a failure, into a StorageError. Counts the attempt as sent.
 */
export async function attemptOnce<T>(
  fn: (ctx: AttemptContext) => Promise<T>,
  state: RunState<T>,
): Promise<AttemptResult<T>> {
  const { clock, options } = state;
  state.sent++;
  const timeoutMs = attemptTimeoutMs(state);
  const attemptSignal = createAttemptSignal(clock, options.signal, timeoutMs);
  const ctx = new Context(
    state.sent,
    attemptSignal,
    timeoutMs,
    state.clockOffsetMs,
    state.lastError,
  );
  const run = () => fn(ctx);
  // The recorder's `within` (a telemetry's, guarded) runs the attempt when there is one.
  const within = state.recorder?.within;
  let value: T;
  try {
    value = await raceAbort(within ? () => within(run) : run, attemptSignal?.signal);
  } catch (thrown) {
    const cancelled = options.signal?.aborted === true;
    // Not the caller's abort, an aborted attempt signal means the attempt's timeout fired.
    const error = cancelled
      ? createAbortedError(state, thrown)
      : attemptSignal?.signal.aborted
        ? createTimeoutError(state, timeoutMs ?? 0, thrown)
        : state.normalize(thrown, options.context);
    return { ok: false, error, cancelled };
  } finally {
    attemptSignal?.dispose();
  }
  return classifyValue(state, value);
}

/**
 * What an attempt is told. An attempt nothing can abort has no signal of its own: one is made
 * only for a caller that reads `signal` (most adapters do not), which keeps an AbortController
 * off every call. A class, as an object literal with a getter costs a hidden class per call.
 */
class Context implements AttemptContext {
  #unabortable: AbortController | undefined;
  // Set in the constructor: declared only, so that no field is defined twice.
  declare readonly attempt: number;
  declare readonly timeoutMs: number | undefined;
  declare readonly clockOffsetMs: number;
  declare readonly lastError: StorageError | undefined;
  declare private readonly attemptSignal: AttemptSignal | undefined;
  constructor(
    attempt: number,
    attemptSignal: AttemptSignal | undefined,
    timeoutMs: number | undefined,
    clockOffsetMs: number,
    lastError: StorageError | undefined,
  ) {
    this.attempt = attempt;
    this.attemptSignal = attemptSignal;
    this.timeoutMs = timeoutMs;
    this.clockOffsetMs = clockOffsetMs;
    this.lastError = lastError;
  }
  get signal(): AbortSignal {
    if (this.attemptSignal) return this.attemptSignal.signal;
    this.#unabortable ??= new AbortController();
    return this.#unabortable.signal;
  }
}

/** The attempt's time limit: `attemptTimeoutMs`, shortened to what is left of the deadline. */
export function attemptTimeoutMs<T>(state: RunState<T>): number | undefined {
  const limitMs = state.options.attemptTimeoutMs;
  if (state.deadlineAtMs === undefined) return limitMs;
  const remainingMs = Math.max(0, state.deadlineAtMs - state.clock.now());
  return limitMs === undefined ? remainingMs : Math.min(limitMs, remainingMs);
}

/** A returned value is a failure when `classifyResult` says so; a throwing judge is one too. */
export function classifyValue<T>(state: RunState<T>, value: T): AttemptResult<T> {
  const { classifyResult } = state.options;
  if (!classifyResult) return { ok: true, value };
  let error: StorageError | undefined;
  try {
    error = classifyResult(value);
  } catch (thrown) {
    error = state.normalize(thrown, state.options.context);
  }
  return error ? { ok: false, error, cancelled: false } : { ok: true, value };
}
