import type { Clock } from "../../src/retry/index.js";

/** A virtual clock for the simulation: `runUntilIdle()` fires timers in order until none is left. */
export interface VirtualClock extends Clock {
  runUntilIdle(): Promise<void>;
}

interface Timer {
  atMs: number;
  seq: number;
  callback: () => void;
}

// setImmediate, unlike setTimeout(0), costs microseconds: tens of thousands of timers per run.
const drain = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Creates a {@link VirtualClock} at 0 ms. Timers are kept in a binary heap. */
export function createVirtualClock(): VirtualClock {
  let nowMs = 0;
  let seq = 0;
  const heap: Timer[] = [];
  const cancelled = new Set<Timer>();
  const before = (a: Timer, b: Timer) => a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq);
  const push = (timer: Timer) => {
    heap.push(timer);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Timer, heap[parent] as Timer)) break;
      [heap[i], heap[parent]] = [heap[parent] as Timer, heap[i] as Timer];
      i = parent;
    }
  };
  const pop = (): Timer | undefined => {
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    heap[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && before(heap[l] as Timer, heap[m] as Timer)) m = l;
      if (r < heap.length && before(heap[r] as Timer, heap[m] as Timer)) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m] as Timer, heap[i] as Timer];
      i = m;
    }
    return top;
  };
  return {
    now: () => nowMs,
    setTimer(callback, delayMs) {
      const timer = { atMs: nowMs + Math.max(0, delayMs), seq: seq++, callback };
      push(timer);
      return () => cancelled.add(timer);
    },
    async runUntilIdle() {
      await drain();
      for (let timer = pop(); timer; timer = pop()) {
        if (cancelled.delete(timer)) continue;
        nowMs = timer.atMs;
        timer.callback();
        await drain();
      }
    },
  };
}
