import { describe, expect, it } from "vitest";
import { createManualClock } from "../../src/retry/manual-clock.js";
import { createRetryBudget } from "../../src/retry/retry-budget.js";
import { withRetry } from "../../src/retry/with-retry.js";
import { settle } from "./helpers.js";
import { createSimulatedEndpoint, seededRandom } from "./simulated-endpoint.js";

// The AWS adapter's defaults: 6 attempts and a budget per client with its defaults.
const MAX_ATTEMPTS = 6;
// A dead endpoint answering 500 InternalError (transient) or 503 ServiceUnavailable (throttling).
const CASES: ["500" | "503", number][] = [
  ["500", 1],
  ["503", 2],
  ["503", 3],
];

const optionsFor = (clock: ReturnType<typeof createManualClock>, seed: number) => ({
  clock,
  budget: createRetryBudget(),
  maxAttempts: MAX_ATTEMPTS,
  random: seededRandom(seed),
});

describe("withRetry against a dead endpoint, with the default budget", () => {
  it.each(CASES)(
    "one call sends <= maxAttempts requests and settles within 15 s (%s, seed %i)",
    async (answer, seed) => {
      const clock = createManualClock();
      const endpoint = createSimulatedEndpoint(clock, () => true, answer);
      const result = settle(withRetry(endpoint.fn, optionsFor(clock, seed)));
      await clock.runAll();
      expect(await result).toMatchObject({ ok: false, error: { gaveUp: "max_attempts" } });
      expect(endpoint.sentAtMs.length).toBeLessThanOrEqual(MAX_ATTEMPTS);
      expect(clock.now()).toBeLessThanOrEqual(15_000);
    },
  );

  it.each(CASES)(
    "300 sequential calls settle within 60 s with <= 450 requests; a call succeeds within 5 s of the recovery (%s, seed %i)",
    async (answer, seed) => {
      const clock = createManualClock();
      let upAtMs = Number.POSITIVE_INFINITY;
      const endpoint = createSimulatedEndpoint(clock, (t) => t < upAtMs, answer);
      const options = optionsFor(clock, seed);
      const reasons = new Map<string, number>();
      const run = (async () => {
        for (let i = 0; i < 300; i++) {
          const result = await settle(withRetry(endpoint.fn, options));
          const reason = result.ok ? "ok" : String(result.error.gaveUp);
          reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        }
      })();
      await clock.runAll(100_000);
      await run;
      expect(reasons.get("ok")).toBeUndefined();
      expect(clock.now()).toBeLessThanOrEqual(60_000);
      expect(endpoint.sentAtMs.length).toBeLessThanOrEqual(450);
      // Most calls failed at once, without a request.
      expect(reasons.get("endpoint_down")).toBeGreaterThan(250);

      upAtMs = clock.now();
      let firstSuccessAtMs: number | undefined;
      const recover = (async () => {
        while (firstSuccessAtMs === undefined) {
          const result = await settle(withRetry(endpoint.fn, options));
          if (result.ok) firstSuccessAtMs = clock.now();
          else await new Promise<void>((resolve) => clock.setTimer(resolve, 10));
        }
      })();
      await clock.runAll(100_000);
      await recover;
      expect((firstSuccessAtMs ?? Number.POSITIVE_INFINITY) - upAtMs).toBeLessThanOrEqual(5000);
    },
  );

  it.each(CASES)(
    "rides out a 3 s outage under 8 looping workers: 0 failed, <= 100 requests in it (%s, seed %i)",
    async (answer, seed) => {
      const clock = createManualClock();
      const outage = { fromMs: 3000, toMs: 6000 };
      const isDown = (t: number) => t >= outage.fromMs && t < outage.toMs;
      const endpoint = createSimulatedEndpoint(clock, isDown, answer);
      const options = optionsFor(clock, seed);
      let failed = 0;
      let operations = 0;
      const worker = async () => {
        while (clock.now() < 9000) {
          const result = await settle(withRetry(endpoint.fn, options));
          operations++;
          if (!result.ok) failed++;
        }
      };
      const workers = Promise.all(Array.from({ length: 8 }, worker));
      await clock.runAll(100_000);
      await workers;
      expect(operations).toBeGreaterThan(1500);
      expect(failed).toBe(0);
      expect(endpoint.sentAtMs.filter(isDown).length).toBeLessThanOrEqual(100);
    },
  );
});
