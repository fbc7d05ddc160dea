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
  seq: number;
  callback: () => void;
}

/** Creates a {@link ManualClock} starting at `startMs` (default 0). */
export function createManualClock(startMs = 0): ManualClock {
  let nowMs = startMs;
  let seq = 0;
  const timers: Timer[] = [];

  const next = (): Timer | undefined =>
    timers.reduce<Timer | undefined>(
      (best, t) =>
        !best || t.atMs < best.atMs || (t.atMs === best.atMs && t.seq < best.seq) ? t : best,
      undefined,
    );
  const fire = (timer: Timer): void => {
    timers.splice(timers.indexOf(timer), 1);
    nowMs = Math.max(nowMs, timer.atMs);
    timer.callback();
  };
  // A real macrotask turn drains every queued microtask, however deep the await chain.
  const flush = (): Promise<void> => new Promise((resolve) => globalThis.setTimeout(resolve, 0));

  return {
    now: () => nowMs,
    setTimer(callback, delayMs) {
      const timer: Timer = { atMs: nowMs + Math.max(0, delayMs), seq: seq++, callback };
      timers.push(timer);
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
      for (let timer = next(); timer && timer.atMs <= targetMs; timer = next()) {
        fire(timer);
        await flush();
      }
      nowMs = targetMs;
    },
    async runAll(maxTimers = 10_000) {
      await flush();
      for (let fired = 0, timer = next(); timer && fired < maxTimers; fired++, timer = next()) {
        fire(timer);
        await flush();
      }
      return nowMs;
    },
  };
}
