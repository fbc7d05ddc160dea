import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../../src/retry/rate-limiter.js";
import { createRetryBudget } from "../../src/retry/retry-budget.js";

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

  it("does not collapse under repeated throttling, cutting at most once per interval", () => {
    const limiter = createRateLimiter({ increasePerSecond: 0 });
    for (let i = 0; i < 150; i++) limiter.record(false, 1000 + i * (1000 / 150));
    for (let i = 0; i < 50; i++) limiter.record(true, 2000);
    expect(limiter.ratePerSecond).toBeCloseTo(0.97 * 150, 0);
  });

  it("leaves the rate alone when nothing succeeds (an outage, not overload)", () => {
    const limiter = createRateLimiter();
    limiter.record(true, 5000);
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

  it("is owned by the budget, fed only by throttling failures with a time", () => {
    const budget = createRetryBudget({ rateLimiter: { overloadShare: 0.1 } });
    for (let i = 0; i < 20; i++) budget.recordOutcome(true, undefined, i * 50);
    budget.recordOutcome(false, "transient", 1000);
    expect(budget.reserveSendMs?.(1000)).toBe(0);
    expect(budget.reserveSendMs?.(1000)).toBe(0);
    // One SlowDown in 20 answers is a scattered fault; two in 20 (10%) is overload.
    budget.recordOutcome(false, "throttling", 1000);
    expect(budget.reserveSendMs?.(1000)).toBe(0);
    expect(budget.reserveSendMs?.(1000)).toBe(0);
    budget.recordOutcome(false, "throttling", 1000);
    expect(budget.reserveSendMs?.(1000)).toBe(0);
    expect(budget.reserveSendMs?.(1000)).toBeGreaterThan(0);
    const none = createRetryBudget({ rateLimiter: false });
    none.recordOutcome(true, undefined, 0);
    none.recordOutcome(false, "throttling", 10);
    expect(none.reserveSendMs?.(10)).toBe(0);
    expect(none.reserveSendMs?.(10)).toBe(0);
  });
});
