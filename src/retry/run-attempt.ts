import type { Clock } from "./types.js";

/** The signal of one attempt: aborts on the caller's abort or after `timeoutMs` on `clock`. */
export interface AttemptSignal {
  /** Aborted by the caller's abort, or else by the timeout: then the attempt timed out. */
  signal: AbortSignal;
  dispose(): void;
}

/**
 * Builds an attempt's signal from an AbortController and the clock's timer (not
 * AbortSignal.timeout, so fake clocks drive it). Undefined when nothing can abort the attempt (no
 * caller signal, no timeout): no race is needed then.
 */
export function createAttemptSignal(
  clock: Clock,
  callerSignal: AbortSignal | undefined,
  timeoutMs: number | undefined,
): AttemptSignal | undefined {
  if (callerSignal === undefined && timeoutMs === undefined) return undefined;
  const controller = new AbortController();
  const onCallerAbort = (): void => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  const cancelTimer =
    timeoutMs === undefined
      ? undefined
      : clock.setTimer(() => {
          controller.abort(
            new DOMException(`Attempt timed out after ${timeoutMs} ms`, "TimeoutError"),
          );
        }, timeoutMs);
  return {
    signal: controller.signal,
    dispose() {
      cancelTimer?.();
      callerSignal?.removeEventListener("abort", onCallerAbort);
    },
  };
}

/**
 * Runs one attempt. Settles as soon as `signal` aborts, even when `run` ignores the signal (its
 * late result is then dropped), so a timeout or an abort is never held up by the request.
 */
export async function raceAbort<T>(
  run: () => Promise<T>,
  signal: AbortSignal | undefined,
): Promise<T> {
  if (!signal) return run();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
  });
  const running = new Promise<T>((resolve) => resolve(run()));
  running.catch(() => undefined);
  aborted.catch(() => undefined);
  try {
    return await Promise.race([running, aborted]);
  } finally {
    if (onAbort) signal.removeEventListener("abort", onAbort);
  }
}
