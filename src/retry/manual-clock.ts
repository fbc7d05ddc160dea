import type { Clock } from "./types.js";

/** A {@link Clock} that only moves when told to: for exact tests of code that retries. */
export interface ManualClock extends Clock {
  /** Timers set and not yet fired or cancelled. */
  readonly pending: number;
  /**
   * Moves time forward by `ms`, firing due timers in order; lets promise callbacks run before
   * and after each timer, so loops awaiting the clock make progress.
   */
  advance(ms: number): Promise<void>;
  /** Fires timers until none is left (at most `maxTimers`, default 10 000); returns the time then. */
  runAll(maxTimers?: number): Promise<number>;
  /** Lets pending promise callbacks run without moving time. */
  flush(): Promise<void>;
}

interface Timer {
  atMs: number;
  callback: () => void;
}

/** Creates a {@link ManualClock} starting at `startMs` (default 0). */
export function createManualClock(startMs = 0): ManualClock {
  let nowMs = startMs;
  // In firing order: by time, then in the order they were set.
  const timers: Timer[] = [];

  // Fires the first timer if it is due by `targetMs`; false when none is.
  const fireNext = (targetMs: number): boolean => {
    const timer = timers[0];
    if (!timer || timer.atMs > targetMs) return false;
    timers.shift();
    nowMs = Math.max(nowMs, timer.atMs);
    timer.callback();
    return true;
  };
  // A real macrotask turn drains every queued microtask, however deep the await chain.
  const flush = (): Promise<void> => new Promise((resolve) => globalThis.setTimeout(resolve, 0));

  return {
    now: () => nowMs,
    setTimer(callback, delayMs) {
      const timer: Timer = { atMs: nowMs + Math.max(0, delayMs), callback };
      const later = timers.findIndex((t) => t.atMs > timer.atMs);
      timers.splice(later < 0 ? timers.length : later, 0, timer);
      return () => {
        const index = timers.indexOf(timer);
        if (index >= 0) timers.splice(index, 1);
      };
    },
    get pending() {
      return timers.length;
    },
    flush,
    async advance(ms) {
      const targetMs = nowMs + ms;
      await flush();
      while (fireNext(targetMs)) await flush();
      nowMs = targetMs;
    },
    async runAll(maxTimers = 10_000) {
      await flush();
      for (let fired = 0; fired < maxTimers && fireNext(Infinity); fired++) await flush();
      return nowMs;
    },
  };
}
