import type { Clock } from "../../src/index.js";

/** Timers at least this long are stall limits, not waits: the instant clock never fires them. */
const STALL_LIMIT_MS = 10_000;

/**
 * A clock whose timers fire on the next turn, moving time forward: tests never wait. Timers of
 * 10 s and more (stall limits) never fire: the servers here answer at once.
 */
export function createInstantClock(): Clock & { delaysMs: number[] } {
  let nowMs = 0;
  const delaysMs: number[] = [];
  return {
    delaysMs,
    now: () => nowMs,
    setTimer(callback, delayMs) {
      if (delayMs >= STALL_LIMIT_MS) return () => {};
      delaysMs.push(delayMs);
      const handle = setImmediate(() => {
        nowMs += delayMs;
        callback();
      });
      return () => clearImmediate(handle);
    },
  };
}
