import { createPrng } from "../../bench/shared/prng.js";
import type { ManualClock } from "../../src/retry/manual-clock.js";
import { failure } from "./helpers.js";

/** An endpoint on a manual clock: answers after `latencyMs`, with a 500 InternalError
 * (or a 503 ServiceUnavailable, of the throttling class) while `isDown(sentAtMs)`. */
export function createSimulatedEndpoint(
  clock: ManualClock,
  isDown: (sentAtMs: number) => boolean,
  answer: "500" | "503" = "500",
  latencyMs = 20,
) {
  const down = () =>
    answer === "500"
      ? failure("transient", { code: "InternalError", status: 500 })
      : failure("throttling", { kind: "unavailable", code: "ServiceUnavailable", status: 503 });
  const sentAtMs: number[] = [];
  const fn = (): Promise<string> =>
    new Promise((resolve, reject) => {
      const atMs = clock.now();
      sentAtMs.push(atMs);
      const failed = isDown(atMs);
      clock.setTimer(() => (failed ? reject(down()) : resolve("ok")), latencyMs);
    });
  return { fn, sentAtMs };
}

/** A seeded uniform [0, 1) source, so runs repeat exactly. */
export const seededRandom = createPrng;
