import type { ManualClock } from "../../../src/index.js";

/**
 * Settles `promise` on a manual clock: lets real I/O (Miniflare) run while no timer is pending,
 * and moves time by `stepMs` when one is.
 */
export async function drive<T>(
  clock: ManualClock,
  promise: Promise<T>,
  stepMs: number,
): Promise<T> {
  let settled = false;
  const done = promise.finally(() => {
    settled = true;
  });
  done.catch(() => undefined);
  while (!settled) {
    if (clock.pending > 0) await clock.advance(stepMs);
    else await clock.flush();
  }
  return done;
}
