import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../../src/retry/rate-limiter.js";
import { createRetryBudget } from "../../src/retry/retry-budget.js";
import { recordFailure, recordSuccess } from "./helpers.js";

describe("createRateLimiter", () => {
  it("is off and free until throttling arrives", () => {
    const limiter = createRateLimiter();
    for (let t = 0; t < 100; t++) limiter.record(false, t);
    expect(limiter.ratePerSecond).toBe(Number.POSITIVE_INFINITY);
    expect(limiter.reserveMs(100)).toBe(0);
    expect(limiter.reserveMs(100)).toBe(0);
  });

  it("sets the rate just below the measured success rate and spaces sends by it", () => {
    const limiter = createRateLimiter({
      decreaseFactor: 0.5,
      increasePerSecond: 0,
      overloadShare: 0,
    });
    // 100 successes over the last second: 100 requests/s served.
    for (let i = 0; i < 100; i++) limiter.record(false, 1000 + i * 10);
    limiter.record(true, 2000);
    expect(limiter.ratePerSecond).toBe(50);
    expect(limiter.reserveMs(2000)).toBe(0);
    expect(limiter.reserveMs(2000)).toBe(20);
    expect(limiter.reserveMs(2000)).toBe(40);
    expect(limiter.reserveMs(2100)).toBe(0);
  });

  it("judges a burst after a quiet spell from the burst alone, as a fresh limiter does", () => {
    const burst = (limiter: ReturnType<typeof createRateLimiter>, atMs: number) => {
      for (let i = 0; i < 15; i++) limiter.record(false, atMs + i / 3);
      for (let i = 0; i < 40; i++) limiter.record(true, atMs + 5);
    };
    const fresh = createRateLimiter();
    burst(fresh, 100_000);
    const seasoned = createRateLimiter();
    seasoned.record(false, 1_000);
    burst(seasoned, 100_000);
    // 15 successes within 5 ms are no measure of a rate: neither cuts yet.
    expect(fresh.ratePerSecond).toBe(Number.POSITIVE_INFINITY);
    expect(seasoned.ratePerSecond).toBe(Number.POSITIVE_INFINITY);
  });

  it("does not reserve a slot at or after the time a caller can wait until", () => {
    const limiter = createRateLimiter({
      decreaseFactor: 0.5,
      increasePerSecond: 0,
      overloadShare: 0,
    });
    for (let i = 0; i < 100; i++) limiter.record(false, 1000 + i * 10);
    limiter.record(true, 2000);
    expect(limiter.reserveMs(2000)).toBe(0);
    // The next slot is at 2020: a caller whose deadline is 2015 is told the wait, keeps no slot.
    expect(limiter.reserveMs(2000, 2015)).toBe(20);
    expect(limiter.reserveMs(2000, 2015)).toBe(20);
    expect(limiter.reserveMs(2000)).toBe(20);
    expect(limiter.reserveMs(2000, 2100)).toBe(40);
  });

  it("does not collapse under repeated throttling, cutting at most once per interval", () => {
    const limiter = createRateLimiter({ increasePerSecond: 0 });
    for (let i = 0; i < 150; i++) limiter.record(false, 1000 + i * (1000 / 150));
    for (let i = 0; i < 50; i++) limiter.record(true, 2000);
    expect(limiter.ratePerSecond).toBeCloseTo(0.95 * 150, 0);
  });

  it("stays off, or switches off, when nothing succeeded in the last second (an outage)", () => {
    const limiter = createRateLimiter({ overloadShare: 0 });
    limiter.record(true, 5000);
    expect(limiter.ratePerSecond).toBe(Number.POSITIVE_INFINITY);
    limiter.record(false, 5000);
    // No cut on less than 100 ms of successes.
    limiter.record(true, 5050);
    expect(limiter.ratePerSecond).toBe(Number.POSITIVE_INFINITY);
    limiter.record(true, 5100);
    expect(limiter.ratePerSecond).toBeLessThan(Number.POSITIVE_INFINITY);
    limiter.record(true, 6200);
    expect(limiter.ratePerSecond).toBe(Number.POSITIVE_INFINITY);
  });

  it("raises the rate additively on successes and switches off when throttling stops", () => {
    const limiter = createRateLimiter({
      decreaseFactor: 1,
      increasePerSecond: 10,
      overloadShare: 0,
    });
    for (let i = 0; i < 10; i++) limiter.record(false, 1000 + i * 100);
    limiter.record(true, 1950);
    // 10 successes in the 950 ms since the first.
    expect(limiter.ratePerSecond).toBeCloseTo(10.53, 2);
    for (let i = 0; i < 10; i++) limiter.record(false, 2000 + i * 100);
    expect(limiter.ratePerSecond).toBeGreaterThan(17);
    expect(limiter.reserveMs(3000)).toBe(0);
    expect(limiter.reserveMs(12_000)).toBe(0);
    expect(limiter.ratePerSecond).toBe(Number.POSITIVE_INFINITY);
  });

  it("tells scattered SlowDowns from overload by their share of the last second's answers", () => {
    const limiter = createRateLimiter();
    for (let i = 0; i < 85; i++) limiter.record(false, 1000 + i * 10);
    // 14 throttles in 99 answers (14%) are scattered faults: no pacing.
    for (let i = 0; i < 14; i++) limiter.record(true, 1900);
    expect(limiter.ratePerSecond).toBe(Number.POSITIVE_INFINITY);
    // The 15th (15%) marks overload.
    limiter.record(true, 1900);
    // 85 successes in the 900 ms since the first.
    expect(limiter.ratePerSecond).toBeCloseTo((0.95 * 85) / 0.9, 5);
    expect(limiter.isPacing(1900)).toBe(true);
  });

  it("does not judge overload on fewer than 50 answers, unless most of 10 or more are throttles", () => {
    const limiter = createRateLimiter();
    for (let i = 0; i < 40; i++) limiter.record(false, 1000);
    for (let i = 0; i < 9; i++) limiter.record(true, 1100);
    expect(limiter.ratePerSecond).toBe(Number.POSITIVE_INFINITY);
    limiter.record(true, 1100);
    expect(limiter.ratePerSecond).toBeLessThan(Number.POSITIVE_INFINITY);
    // A burst against a full server: 15 served, then throttles until they are half the answers.
    const burst = createRateLimiter();
    for (let i = 0; i < 15; i++) burst.record(false, 1000);
    for (let i = 0; i < 14; i++) burst.record(true, 1100);
    expect(burst.ratePerSecond).toBe(Number.POSITIVE_INFINITY);
    burst.record(true, 1100);
    // 15 successes in the first 100 ms: 150 requests/s.
    expect(burst.ratePerSecond).toBeCloseTo(0.95 * 150, 5);
  });

  it("cuts to the median success rate of the slots in which the server was full", () => {
    const limiter = createRateLimiter({ increasePerSecond: 0 });
    // Five 100 ms slots in which the server served 15 and refused 4 (150 requests/s), one of
    // them with only 5 served (calls asleep in backoff); then the process pauses for 400 ms.
    for (let slot = 0; slot < 5; slot++) {
      const startMs = 1000 + slot * 100;
      const served = slot === 2 ? 5 : 15;
      for (let i = 0; i < served; i++) limiter.record(false, startMs + i * (90 / served));
      for (let i = 0; i < 4; i++) limiter.record(true, startMs + 95);
    }
    // Throttles after the pause: 65 served in the second (65 requests/s), or in the 550 ms in
    // which anything was answered (118 requests/s); the median of the full slots says 150.
    for (let i = 0; i < 5; i++) limiter.record(true, 1950);
    expect(limiter.ratePerSecond).toBeCloseTo(0.95 * 150, 5);
    // A burst slot (30 served) does not move the median; the rate over the answered slots
    // counts it, and the cut takes the higher of the two.
    const burst = createRateLimiter({ increasePerSecond: 0 });
    for (let slot = 0; slot < 5; slot++) {
      const startMs = 1000 + slot * 100;
      const served = slot === 2 ? 30 : 15;
      for (let i = 0; i < served; i++) burst.record(false, startMs + i * (90 / served));
      for (let i = 0; i < 4; i++) burst.record(true, startMs + 95);
    }
    for (let i = 0; i < 5; i++) burst.record(true, 1950);
    expect(burst.ratePerSecond).toBeCloseTo((0.95 * 90) / 0.55, 5);
  });

  it("with too few full slots, measures the success rate over the slots that answered", () => {
    const limiter = createRateLimiter({ increasePerSecond: 0 });
    // 30 successes in 300 ms (100 requests/s), 650 ms without answers, then a wall of SlowDowns.
    for (let i = 0; i < 30; i++) limiter.record(false, 1000 + i * 10);
    for (let i = 0; i < 30; i++) limiter.record(true, 1950);
    // 30 successes over the three answered slots and the 50 ms of the current one.
    expect(limiter.ratePerSecond).toBeCloseTo((0.95 * 30) / 0.35, 5);
  });

  it("stops pacing once nothing has succeeded for a second", () => {
    const limiter = createRateLimiter({ overloadShare: 0 });
    for (let i = 0; i < 10; i++) limiter.record(false, 1000);
    limiter.record(true, 1100);
    expect(limiter.isPacing(1100)).toBe(true);
    expect(limiter.isPacing(2100)).toBe(false);
  });

  it("is owned by the budget, fed only by throttling failures with a time", () => {
    const budget = createRetryBudget({ rateLimiter: { overloadShare: 0.1 } });
    for (let i = 0; i < 90; i++) recordSuccess(budget, i * 10);
    recordFailure(budget, "transient", 1000);
    expect(budget.reserveSendMs?.(1000)).toBe(0);
    expect(budget.reserveSendMs?.(1000)).toBe(0);
    // Nine SlowDowns in 99 answers are scattered faults; the tenth (10%) is overload.
    for (let i = 0; i < 9; i++) {
      recordSuccess(budget, 1000);
      recordFailure(budget, "throttling", 1000);
    }
    expect(budget.reserveSendMs?.(1000)).toBe(0);
    expect(budget.reserveSendMs?.(1000)).toBe(0);
    recordFailure(budget, "throttling", 1000);
    expect(budget.reserveSendMs?.(1000)).toBe(0);
    expect(budget.reserveSendMs?.(1000)).toBeGreaterThan(0);
    const none = createRetryBudget({ rateLimiter: false });
    recordSuccess(none, 0);
    recordFailure(none, "throttling", 10);
    expect(none.reserveSendMs?.(10)).toBe(0);
    expect(none.reserveSendMs?.(10)).toBe(0);
  });

  it("keeps outage throttling away from the limiter, and paced throttling away from the outage detector", () => {
    // An outage: the requests in flight when it starts fail at once (a third of the last
    // second's answers: pacing starts), then nothing succeeds for a second, which is no
    // overload: the limiter lets go, so nothing is paced after the recovery.
    const outage = createRetryBudget({ outageThreshold: 5 });
    for (let i = 0; i < 60; i++) recordSuccess(outage, 1000 + i);
    for (let i = 0; i < 30; i++) recordFailure(outage, "throttling", 1100);
    expect(outage.reserveSendMs?.(1100)).toBe(0);
    expect(outage.reserveSendMs?.(1100)).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) recordFailure(outage, "throttling", 2100 + i);
    expect(outage.gate.state).not.toBe("up");
    recordSuccess(outage, 2400);
    expect(outage.gate.state).toBe("up");
    expect(outage.reserveSendMs?.(2400)).toBe(0);
    expect(outage.reserveSendMs?.(2400)).toBe(0);
    // Overload: once the limiter paces, throttles while the server still serves are not an outage.
    const overload = createRetryBudget({ outageThreshold: 5 });
    for (let i = 0; i < 40; i++) recordSuccess(overload, 1000 + i);
    for (let i = 0; i < 10; i++) recordFailure(overload, "throttling", 1100);
    expect(overload.reserveSendMs?.(1100)).toBe(0);
    expect(overload.reserveSendMs?.(1100)).toBeGreaterThan(0);
    expect(overload.gate.state).toBe("up");
    expect(overload.admit(1110)).toEqual({ verdict: "send", probe: false });
    for (let i = 0; i < 20; i++) recordFailure(overload, "throttling", 1110);
    expect(overload.gate.state).toBe("up");
  });

  it("switches off when the limit has held nothing back for idleAfterMs, despite throttling", () => {
    const limiter = createRateLimiter({ increasePerSecond: 0 });
    for (let i = 0; i < 100; i++) limiter.record(false, 1000 + i * 10);
    for (let i = 0; i < 20; i++) limiter.record(true, 2000);
    expect(limiter.ratePerSecond).toBeGreaterThan(80);
    expect(limiter.ratePerSecond).toBeLessThan(100);
    // One send every 100 ms is far below the limit: nothing waits, while SlowDowns go on.
    for (let t = 2100; t <= 12_000; t += 100) {
      expect(limiter.reserveMs(t)).toBe(0);
      limiter.record(false, t);
      if (t % 1000 === 0) limiter.record(true, t);
    }
    expect(limiter.ratePerSecond).toBeLessThan(Number.POSITIVE_INFINITY);
    expect(limiter.reserveMs(12_100)).toBe(0);
    expect(limiter.ratePerSecond).toBe(Number.POSITIVE_INFINITY);
  });
});
