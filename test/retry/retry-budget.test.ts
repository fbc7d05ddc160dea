import { describe, expect, it } from "vitest";
import { createRetryBudget } from "../../src/retry/retry-budget.js";
import { failure, recordFailure, recordSuccess } from "./helpers.js";

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
    recordSuccess(budget);
    expect(budget.available).toBe(73);
    recordSuccess(budget, 0, "transient");
    expect(budget.available).toBe(87);
    for (let i = 0; i < 50; i++) recordSuccess(budget);
    expect(budget.available).toBe(100);
  });

  it("holds everyone after consecutive failures, then lets one probe through", () => {
    const budget = createRetryBudget({ outageThreshold: 3, outageHoldMs: 200 });
    recordFailure(budget, "transient", 1000);
    recordFailure(budget, "throttling", 1000);
    expect(budget.admit(1000)).toEqual({ verdict: "send", probe: false });
    recordFailure(budget, "transient", 1000);
    expect(budget.gate).toEqual({
      state: "holding",
      untilMs: 1200,
      downSinceMs: 1000,
      failedProbes: 0,
    });
    expect(budget.admit(1150)).toEqual({ verdict: "wait", waitMs: 50 });
    expect(budget.admit(1200)).toEqual({ verdict: "send", probe: true });
    expect(budget.gate.state).toBe("probing");
    // The probe is out: the others wait for its answer, sending nothing.
    expect(budget.admit(1200)).toMatchObject({ verdict: "wait" });
    expect(budget.admit(1300)).toMatchObject({ verdict: "wait" });
  });

  it("holds again, twice as long up to probeIntervalMs, when the probe fails; reopens when it succeeds", () => {
    const budget = createRetryBudget({
      outageThreshold: 1,
      outageHoldMs: 100,
      probeIntervalMs: 300,
    });
    recordFailure(budget, "transient", 0);
    const holds: number[] = [];
    let nowMs = 0;
    for (let probe = 0; probe < 4; probe++) {
      const gate = budget.gate;
      if (gate.state !== "holding") throw new Error(`expected holding, got ${gate.state}`);
      holds.push(gate.untilMs - nowMs);
      nowMs = gate.untilMs;
      expect(budget.admit(nowMs)).toEqual({ verdict: "send", probe: true });
      recordFailure(budget, "transient", nowMs, true);
    }
    expect(holds).toEqual([100, 200, 300, 300]);
    const gate = budget.gate;
    expect(gate.state === "holding" && gate.failedProbes).toBe(4);
    recordSuccess(budget, nowMs + 1, undefined, true);
    expect(budget.gate).toEqual({ state: "up" });
    expect(budget.admit(nowMs + 1)).toEqual({ verdict: "send", probe: false });
  });

  it("opens after openAfterMs down: calls fail at once with the last failure, one probe per interval", () => {
    const budget = createRetryBudget({
      outageThreshold: 1,
      outageHoldMs: 100,
      probeIntervalMs: 1000,
      openAfterMs: 2000,
    });
    const last = failure("transient", { code: "InternalError" });
    budget.record({ result: "failure", nowMs: 0, probe: false, error: last });
    // Held calls waiting past openAfterMs are rejected at once.
    expect(budget.admit(50)).toEqual({ verdict: "wait", waitMs: 50 });
    expect(budget.admit(100)).toEqual({ verdict: "send", probe: true });
    expect(budget.admit(1999)).toEqual({ verdict: "wait", waitMs: 1 });
    expect(budget.admit(2000)).toEqual({ verdict: "reject", downForMs: 2000, cause: last });
    budget.record({ result: "failure", nowMs: 2100, probe: true, error: last });
    expect(budget.gate).toEqual({
      state: "open",
      probeAtMs: 3100,
      downSinceMs: 0,
      failedProbes: 1,
    });
    expect(budget.admit(3000)).toMatchObject({ verdict: "reject", downForMs: 3000 });
    expect(budget.admit(3100)).toEqual({ verdict: "send", probe: true });
    expect(budget.admit(3100)).toMatchObject({ verdict: "reject" });
    recordSuccess(budget, 3150, undefined, true);
    expect(budget.admit(3150)).toEqual({ verdict: "send", probe: false });
  });

  it("frees the gate when a probe is cancelled, and when one never reports", () => {
    const budget = createRetryBudget({ outageThreshold: 1, outageHoldMs: 100, openAfterMs: 5000 });
    recordFailure(budget, "transient", 0);
    expect(budget.admit(100)).toEqual({ verdict: "send", probe: true });
    budget.record({ result: "cancelled", nowMs: 120, probe: true });
    expect(budget.admit(120)).toEqual({ verdict: "send", probe: true });
    // That probe never reports: after openAfterMs another goes out.
    expect(budget.admit(5119)).toMatchObject({ verdict: "reject" });
    expect(budget.admit(5120)).toEqual({ verdict: "send", probe: true });
  });

  it("treats a definite answer (404), or any success, as proof of life", () => {
    const budget = createRetryBudget({ outageThreshold: 2 });
    recordFailure(budget, "transient");
    recordFailure(budget, "never");
    recordFailure(budget, "transient");
    expect(budget.gate.state).toBe("up");
    recordFailure(budget, "transient");
    expect(budget.gate.state).toBe("holding");
    // An attempt sent before the trip answers: the endpoint is up again.
    recordSuccess(budget, 10);
    expect(budget.gate.state).toBe("up");
  });

  it("ignores failures of attempts that are not the probe while down", () => {
    const budget = createRetryBudget({ outageThreshold: 1, outageHoldMs: 100 });
    recordFailure(budget, "transient", 0);
    const held = budget.gate;
    recordFailure(budget, "transient", 50);
    expect(budget.gate).toBe(held);
  });

  it("holds once the tokens are spent and a failure follows", () => {
    const budget = createRetryBudget({ capacity: 20, outageThreshold: 100 });
    expect(budget.tryAcquire("transient")).toBe(true);
    recordFailure(budget, "transient", 0);
    expect(budget.admit(0)).toEqual({ verdict: "wait", waitMs: 250 });
  });

  it.each([
    [{ capacity: Number.NaN }, RangeError, "`capacity`"],
    [{ outageThreshold: 0 }, RangeError, "`outageThreshold` to be an integer >= 1, got 0"],
    [{ outageHoldMs: -1 }, RangeError, "`outageHoldMs`"],
    [{ openAfterMs: Number.POSITIVE_INFINITY }, RangeError, "`openAfterMs`"],
    [{ probeIntervalMs: "1000" }, TypeError, '`probeIntervalMs` to be a number, got "1000"'],
    [{ costs: { transient: -5 } }, RangeError, "`costs.transient`"],
    [{ rateLimiter: { overloadShare: 2 } }, RangeError, "`rateLimiter.overloadShare`"],
  ])("rejects %o", (options, type, message) => {
    expect(() => createRetryBudget(options as never)).toThrow(type);
    expect(() => createRetryBudget(options as never)).toThrow(message);
  });
});
