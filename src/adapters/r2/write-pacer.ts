import type { Clock } from "../../index.js";
import { sleep } from "../../retry/sleep.js";

/** Queues writes per key so that each key sees one write at a time, spaced `intervalMs` apart. */
export interface WritePacer {
  /**
   * Runs `write` once every key in `keys` is free and `intervalMs` has passed since each key's
   * last write started. Rejects with the signal's reason, without writing, when `signal` aborts
   * while queued.
   */
  schedule<T>(keys: readonly string[], write: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Keys currently remembered (queued, running, or written less than `intervalMs` ago). */
  readonly trackedKeys: number;
}

interface KeySlot {
  /** Settles when the last queued write on this key has finished. */
  tail: Promise<void>;
  queued: number;
  lastStartMs: number;
}

const MIN_SWEEP_SIZE = 64;

/** Creates a {@link WritePacer} on `clock` spacing writes to a key by `intervalMs` milliseconds. */
export function createWritePacer(clock: Clock, intervalMs: number): WritePacer {
  const slots = new Map<string, KeySlot>();
  let sweepAt = MIN_SWEEP_SIZE;

  // Idle keys are forgotten in batches, so memory follows the keys in use, amortised O(1).
  const sweep = (): void => {
    if (slots.size < sweepAt) return;
    const nowMs = clock.now();
    for (const [key, slot] of slots) {
      if (slot.queued === 0 && nowMs - slot.lastStartMs >= intervalMs) slots.delete(key);
    }
    sweepAt = Math.max(MIN_SWEEP_SIZE, slots.size * 2);
  };

  return {
    get trackedKeys() {
      return slots.size;
    },
    async schedule(keys, write, signal) {
      sweep();
      const unique = [...new Set(keys)];
      let release = (): void => undefined;
      const done = new Promise<void>((resolve) => {
        release = resolve;
      });
      const mine = unique.map((key) => {
        const slot = slots.get(key) ?? {
          tail: Promise.resolve(),
          queued: 0,
          lastStartMs: -Infinity,
        };
        const previous = slot.tail;
        slot.tail = done;
        slot.queued++;
        slots.set(key, slot);
        return { slot, previous };
      });
      try {
        await Promise.all(mine.map((entry) => entry.previous));
        const readyAtMs = Math.max(...mine.map((entry) => entry.slot.lastStartMs + intervalMs));
        const delayMs = readyAtMs - clock.now();
        if (delayMs > 0) await sleep(clock, delayMs, signal);
        if (signal?.aborted) throw signal.reason;
        const startMs = clock.now();
        for (const entry of mine) entry.slot.lastStartMs = startMs;
        return await write();
      } finally {
        for (const entry of mine) entry.slot.queued--;
        release();
      }
    },
  };
}
