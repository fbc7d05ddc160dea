import type { Clock } from "./types.js";

/** How one attempt ended. */
export type AttemptOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; thrown: unknown; timedOut: boolean; callerAborted: boolean };

/** The signal of one attempt: aborts on the caller's abort or after `timeoutMs` on `clock`. */
export interface AttemptSignal {
  signal: AbortSignal;
  /** False when nothing can abort it (no caller signal, no timeout): no race is needed. */
  canAbort: boolean;
  timedOut(): boolean;
  dispose(): void;
}

/** Builds an attempt's signal from an AbortController and the clock's timer (not AbortSignal.timeout, so fake clocks drive it). */
export function createAttemptSignal(
  clock: Clock,
  callerSignal: AbortSignal | undefined,
  timeoutMs: number | undefined,
): AttemptSignal {
  if (callerSignal === undefined && timeoutMs === undefined) return unabortableSignal();
  const controller = new AbortController();
  let timedOut = false;
  const onCallerAbort = (): void => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  const cancelTimer =
    timeoutMs === undefined
      ? undefined
      : clock.setTimer(() => {
          timedOut = true;
          controller.abort(
            new DOMException(`Attempt timed out after ${timeoutMs} ms`, "TimeoutError"),
          );
        }, timeoutMs);
  return {
    signal: controller.signal,
    canAbort: callerSignal !== undefined || cancelTimer !== undefined,
    timedOut: () => timedOut,
    dispose() {
      cancelTimer?.();
      callerSignal?.removeEventListener("abort", onCallerAbort);
    },
  };
}

/**
 * The signal of an attempt nothing can abort: its AbortController is made only if someone reads
 * `signal` (most adapters do not), which keeps an allocation and a native object off every call.
 * A class, not an object literal with a getter: such a literal costs a hidden class per call.
 */
class UnabortableSignal implements AttemptSignal {
  #controller: AbortController | undefined;
  readonly canAbort = false;
  get signal(): AbortSignal {
    this.#controller ??= new AbortController();
    return this.#controller.signal;
  }
  timedOut(): boolean {
    return false;
  }
  dispose(): void {}
}

function unabortableSignal(): AttemptSignal {
  return new UnabortableSignal();
}

/**
 * Runs one attempt. Settles as soon as its signal aborts, even when `run` ignores the signal
 * (its late result is then dropped), so a timeout or an abort is never held up by the request.
 */
export async function runAttempt<T>(
  run: () => Promise<T>,
  attemptSignal: AttemptSignal,
  callerSignal: AbortSignal | undefined,
): Promise<AttemptOutcome<T>> {
  let onAbort: (() => void) | undefined;
  let signal: AbortSignal | undefined;
  try {
    if (!attemptSignal.canAbort) return { ok: true, value: await run() };
    signal = attemptSignal.signal;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(attemptSignal.signal.reason);
      attemptSignal.signal.addEventListener("abort", onAbort, { once: true });
    });
    const running = new Promise<T>((resolve) => resolve(run()));
    running.catch(() => undefined);
    aborted.catch(() => undefined);
    return { ok: true, value: await Promise.race([running, aborted]) };
  } catch (thrown) {
    return {
      ok: false,
      thrown,
      timedOut: attemptSignal.timedOut() && callerSignal?.aborted !== true,
      callerAborted: callerSignal?.aborted === true,
    };
  } finally {
    if (onAbort) signal?.removeEventListener("abort", onAbort);
    attemptSignal.dispose();
  }
}
