import type { Clock } from "./types.js";

/**
 * The real clock: `Date.now()` and `setTimeout`. Its timers are not unref'd: an unref'd backoff
 * lets Node exit in the middle of `await withRetry(...)` in a script (exit code 13, the
 * operation silently lost). Instead the engine cancels every timer the moment it is no longer
 * needed (success, give-up, abort), so nothing keeps the process alive after an operation ends.
 */
export const systemClock: Clock = /* @__PURE__ */ Object.freeze({
  now: () => Date.now(),
  setTimer(callback: () => void, delayMs: number): () => void {
    const handle = globalThis.setTimeout(callback, Math.max(0, delayMs));
    return () => globalThis.clearTimeout(handle);
  },
});
