import { describe, expect, it } from "vitest";
import { createRetryBudget } from "../../src/retry/retry-budget.js";

describe("createRetryBudget", () => {
  it("charges retries by class and refuses when spent", () => {
    const budget = createRetryBudget({ capacity: 30 });
    expect(budget.tryAcquire("transient")).toBe(true);
    expect(budget.available).toBe(16);
    expect(budget.tryAcquire("throttling")).toBe(true);
    expect(budget.available).toBe(11);
    expect(budget.tryAcquire("transient")).toBe(false);
    expect(budget.available).toBe(11);
    expect(budget.tryAcquire("never")).toBe(true);
  });

  it("refills by one per success and refunds a successful retry's cost, up to capacity", () => {
    const budget = createRetryBudget({ capacity: 100 });
    budget.tryAcquire("transient");
    budget.tryAcquire("transient");
    expect(budget.available).toBe(72);
    budget.recordOutcome(true);
    expect(budget.available).toBe(73);
    budget.recordOutcome(true, "transient");
    expect(budget.available).toBe(87);
    for (let i = 0; i < 50; i++) budget.recordOutcome(true);
    expect(budget.available).toBe(100);
  });

  it("holds everyone after consecutive failures, then lets one probe through", () => {
    const budget = createRetryBudget({ outageThreshold: 3, outageHoldMs: 200 });
    budget.recordOutcome(false, "transient");
    budget.recordOutcome(false, "throttling");
    expect(budget.holdMs(0)).toBe(0);
    budget.recordOutcome(false, "transient");
    expect(budget.holdMs(1000)).toBe(200);
    expect(budget.holdMs(1150)).toBe(50);
    expect(budget.holdMs(1200)).toBe(0);
    // The probe is out: the others keep waiting.
    expect(budget.holdMs(1200)).toBe(200);
    expect(budget.holdMs(1300)).toBe(200);
  });

  it("holds again when the probe fails and reopens when it succeeds", () => {
    const budget = createRetryBudget({ outageThreshold: 1, outageHoldMs: 100 });
    budget.recordOutcome(false, "transient");
    expect(budget.holdMs(0)).toBe(100);
    expect(budget.holdMs(100)).toBe(0);
    budget.recordOutcome(false, "transient");
    expect(budget.holdMs(150)).toBe(100);
    expect(budget.holdMs(250)).toBe(0);
    budget.recordOutcome(true);
    expect(budget.holdMs(250)).toBe(0);
    expect(budget.holdMs(251)).toBe(0);
  });

  it("lets another probe through when the first never reports", () => {
    const budget = createRetryBudget({ outageThreshold: 1, outageHoldMs: 100 });
    budget.recordOutcome(false, "transient");
    budget.holdMs(0);
    expect(budget.holdMs(100)).toBe(0);
    expect(budget.holdMs(499)).toBe(100);
    expect(budget.holdMs(500)).toBe(0);
  });

  it("treats a definite answer (404) as proof of life", () => {
    const budget = createRetryBudget({ outageThreshold: 2 });
    budget.recordOutcome(false, "transient");
    budget.recordOutcome(false, "never");
    budget.recordOutcome(false, "transient");
    expect(budget.holdMs(0)).toBe(0);
  });

  it("holds once the tokens are spent and a failure follows", () => {
    const budget = createRetryBudget({ capacity: 20, outageThreshold: 100 });
    expect(budget.tryAcquire("transient")).toBe(true);
    budget.recordOutcome(false, "transient");
    expect(budget.holdMs(0)).toBe(250);
  });
});
