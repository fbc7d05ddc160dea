import { describe, expect, it } from "vitest";
import { createManualClock } from "../../src/retry/manual-clock.js";
import { createRetryBudget } from "../../src/retry/retry-budget.js";
import { withRetry } from "../../src/retry/with-retry.js";
import { errorOf, failure, scripted, settle } from "./helpers.js";

const downBudget = () => {
  const budget = createRetryBudget({ outageThreshold: 1, outageHoldMs: 100 });
  budget.recordOutcome(false, "transient");
  return budget;
};

describe("withRetry under the outage hold and the rate limiter", () => {
  it("does not charge failed probes of a held endpoint to the attempt count", async () => {
    const clock = createManualClock();
    const script = scripted(
      Array.from({ length: 4 }, () => failure("transient")),
      "up",
    );
    const result = settle(
      withRetry(script.fn, { clock, budget: downBudget(), maxAttempts: 2, random: () => 0.5 }),
    );
    await clock.runAll();
    expect(await result).toEqual({ ok: true, value: "up" });
    expect(script.calls()).toBe(5);
  });

  it("charges failures again once outageWaitMs has passed", async () => {
    const clock = createManualClock();
    const script = scripted(
      Array.from({ length: 9 }, () => failure("transient")),
      "up",
    );
    const result = settle(
      withRetry(script.fn, {
        clock,
        budget: downBudget(),
        maxAttempts: 2,
        outageWaitMs: 250,
        random: () => 0.5,
      }),
    );
    await clock.runAll();
    // Probes at 100 and 225 ms are held; those at 350 and 475 ms are charged.
    expect(errorOf(await result).gaveUp).toBe("max_attempts");
    expect(script.calls()).toBe(4);
    expect(clock.now()).toBe(475);
  });

  it("charges a failure that trips the outage detector itself", async () => {
    const clock = createManualClock();
    const budget = createRetryBudget({ outageThreshold: 1, outageHoldMs: 100 });
    const script = scripted([failure("transient")], "up");
    const result = settle(withRetry(script.fn, { clock, budget, maxAttempts: 1 }));
    await clock.runAll();
    expect(errorOf(await result).gaveUp).toBe("max_attempts");
    expect(script.calls()).toBe(1);
  });

  it("makes first attempts wait for a send slot once throttling was seen", async () => {
    const clock = createManualClock(1000);
    const budget = createRetryBudget();
    // 50 successes within the first 100 ms measure 500 requests/s; the limit is 485/s.
    for (let i = 0; i < 50; i++) budget.recordOutcome(true, undefined, 1000);
    for (let i = 0; i < 10; i++) budget.recordOutcome(false, "throttling", 1000);
    const first = scripted([], 1);
    const second = scripted([], 2);
    const results = [
      settle(withRetry(first.fn, { clock, budget })),
      settle(withRetry(second.fn, { clock, budget })),
    ];
    await clock.advance(1);
    expect(first.calls()).toBe(1);
    expect(second.calls()).toBe(0);
    await clock.runAll();
    expect(await Promise.all(results)).toEqual([
      { ok: true, value: 1 },
      { ok: true, value: 2 },
    ]);
    expect(clock.now()).toBeCloseTo(1000 + 1000 / 485, 5);
  });

  it("gives up with deadline rather than wait for a send slot past it", async () => {
    const clock = createManualClock(1000);
    const budget = createRetryBudget({
      rateLimiter: { minRatePerSecond: 1, decreaseFactor: 0.01, overloadShare: 0 },
    });
    budget.recordOutcome(true, undefined, 1000);
    budget.recordOutcome(false, "throttling", 1000);
    expect(budget.reserveSendMs?.(1000)).toBe(0);
    const script = scripted([], 1);
    const result = settle(withRetry(script.fn, { clock, budget, deadlineMs: 500 }));
    await clock.runAll();
    expect(errorOf(await result).gaveUp).toBe("deadline");
    expect(script.calls()).toBe(0);
  });
});
