import { describe, expect, it } from "vitest";
import { createManualClock } from "../../src/retry/manual-clock.js";
import { createRetryBudget } from "../../src/retry/retry-budget.js";
import type { AttemptContext } from "../../src/retry/types.js";
import { withRetry } from "../../src/retry/with-retry.js";
import { errorOf, failure, recordFailure, recordSuccess, scripted, settle } from "./helpers.js";

const downBudget = (options = {}) => {
  const budget = createRetryBudget({ outageThreshold: 1, outageHoldMs: 100, ...options });
  recordFailure(budget, "transient", 0);
  return budget;
};

describe("withRetry under the budget's gate and the rate limiter", () => {
  it("counts every request, probes included, against maxAttempts", async () => {
    const clock = createManualClock();
    const script = scripted(
      Array.from({ length: 4 }, () => failure("transient")),
      "up",
    );
    const result = settle(
      withRetry(script.fn, { clock, budget: downBudget(), maxAttempts: 2, random: () => 0.5 }),
    );
    await clock.runAll();
    expect(errorOf(await result)).toMatchObject({ gaveUp: "max_attempts" });
    expect(script.calls()).toBe(2);
  });

  it("holds calls while one probe is out, sending nothing, and lets them all go on its success", async () => {
    const clock = createManualClock();
    const budget = downBudget();
    const sentAtMs: number[] = [];
    const fn = (ctx: AttemptContext) =>
      new Promise<number>((resolve) => {
        sentAtMs.push(clock.now());
        clock.setTimer(() => resolve(ctx.attempt), 40);
      });
    const calls = Array.from({ length: 5 }, () => settle(withRetry(fn, { clock, budget })));
    await clock.advance(100);
    expect(sentAtMs).toEqual([100]);
    expect(budget.gate.state).toBe("probing");
    await clock.advance(39);
    expect(sentAtMs).toHaveLength(1);
    await clock.runAll();
    expect(await Promise.all(calls)).toEqual(
      Array.from({ length: 5 }, () => ({ ok: true, value: 1 })),
    );
    // The probe answered at 140 ms; the held calls looked again within 50 ms.
    expect(sentAtMs.slice(1).every((t) => t > 140 && t <= 190)).toBe(true);
  });

  it("charges a failed probe to its own call only", async () => {
    const clock = createManualClock();
    const budget = downBudget();
    let requests = 0;
    const fn = () =>
      new Promise<string>((resolve, reject) => {
        const n = ++requests;
        clock.setTimer(() => (n === 1 ? reject(failure("transient")) : resolve("up")), 10);
      });
    const options = { clock, budget, random: () => 0 };
    const results = [settle(withRetry(fn, options)), settle(withRetry(fn, options))];
    await clock.runAll();
    const settled = await Promise.all(results);
    expect(settled.every((r) => r.ok)).toBe(true);
    expect(requests).toBe(3);
  });

  it("fails new calls at once once the endpoint has been down openAfterMs, with the last failure as cause", async () => {
    const clock = createManualClock();
    const budget = downBudget({ openAfterMs: 1000, probeIntervalMs: 500 });
    const last = failure("transient", { code: "InternalError" });
    budget.record({ result: "failure", nowMs: 0, probe: false, error: last });
    await clock.advance(1000);
    // Another call's probe fails once the endpoint has been down openAfterMs: the gate opens.
    expect(budget.admit(1000)).toMatchObject({ verdict: "send", probe: true });
    budget.record({ result: "failure", nowMs: 1000, probe: true, error: last });
    expect(budget.gate.state).toBe("open");
    const script = scripted([], "up");
    const result = settle(withRetry(script.fn, { clock, budget }));
    await clock.flush();
    const error = errorOf(await result);
    expect(error).toMatchObject({
      kind: "unavailable",
      code: "EndpointUnavailable",
      gaveUp: "endpoint_down",
      attempts: [],
    });
    expect(error.cause).toBe(last);
    expect(script.calls()).toBe(0);
  });

  it("lets one probe through per interval while open, and traffic resumes at once on its success", async () => {
    const clock = createManualClock();
    const budget = downBudget({ openAfterMs: 1000, probeIntervalMs: 500 });
    await clock.advance(1000);
    recordFailure(budget, "transient", 1000);
    const first = scripted([], "up");
    // Held past openAfterMs, the probe's call goes first; it succeeds and reopens the gate.
    expect(budget.admit(1000)).toMatchObject({ verdict: "send", probe: true });
    recordFailure(budget, "transient", 1000, true);
    expect(budget.gate).toMatchObject({ state: "open", probeAtMs: 1500 });
    expect(errorOf(await settle(withRetry(first.fn, { clock, budget })))).toMatchObject({
      gaveUp: "endpoint_down",
    });
    await clock.advance(500);
    expect(await settle(withRetry(first.fn, { clock, budget }))).toEqual({ ok: true, value: "up" });
    expect(budget.gate.state).toBe("up");
    expect(await settle(withRetry(first.fn, { clock, budget }))).toEqual({ ok: true, value: "up" });
    expect(first.calls()).toBe(2);
  });

  it("bounds one call's wait at the gate by outageWaitMs", async () => {
    const clock = createManualClock();
    const budget = downBudget({ outageHoldMs: 1000 });
    const script = scripted([], "up");
    const result = settle(withRetry(script.fn, { clock, budget, outageWaitMs: 500 }));
    await clock.runAll();
    expect(errorOf(await result)).toMatchObject({ gaveUp: "endpoint_down", kind: "unavailable" });
    expect(script.calls()).toBe(0);
    expect(clock.now()).toBe(0);
  });

  it("frees the probe when its call is aborted", async () => {
    const clock = createManualClock();
    const budget = downBudget();
    const controller = new AbortController();
    const hang = () => new Promise<string>(() => undefined);
    const aborted = settle(withRetry(hang, { clock, budget, signal: controller.signal }));
    await clock.advance(100);
    expect(budget.gate.state).toBe("probing");
    controller.abort();
    expect(errorOf(await aborted).gaveUp).toBe("aborted");
    expect(budget.gate.state).toBe("holding");
    recordSuccess(budget, clock.now());
    expect(budget.gate.state).toBe("up");
  });

  it("makes first attempts wait for a send slot once throttling was seen", async () => {
    const clock = createManualClock(1000);
    const budget = createRetryBudget();
    // 50 successes within the first 100 ms measure 500 requests/s; the limit is 475/s.
    for (let i = 0; i < 50; i++) recordSuccess(budget, 1000);
    for (let i = 0; i < 10; i++) recordFailure(budget, "throttling", 1100);
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
    expect(clock.now()).toBeCloseTo(1000 + 1000 / 475, 5);
  });

  it("gives up with deadline rather than wait for a send slot past it", async () => {
    const clock = createManualClock(1000);
    const budget = createRetryBudget({
      rateLimiter: { minRatePerSecond: 1, decreaseFactor: 0.01, overloadShare: 0 },
    });
    recordSuccess(budget, 1000);
    recordFailure(budget, "throttling", 1100);
    expect(budget.reserveSendMs?.(1000)).toBe(0);
    const script = scripted([], 1);
    const result = settle(withRetry(script.fn, { clock, budget, deadlineMs: 500 }));
    await clock.runAll();
    expect(errorOf(await result).gaveUp).toBe("deadline");
    expect(script.calls()).toBe(0);
  });
});
