import type { Clock } from "../../../src/index.js";

/** A clock whose timers fire on the next turn, moving time forward: tests never wait. */
export function createInstantClock(): Clock & { delaysMs: number[] } {
  let nowMs = 0;
  const delaysMs: number[] = [];
  return {
    delaysMs,
    now: () => nowMs,
    setTimer(callback, delayMs) {
      delaysMs.push(delayMs);
      const handle = setImmediate(() => {
        nowMs += delayMs;
        callback();
      });
      return () => clearImmediate(handle);
    },
  };
}
