import { describe, expect, it } from "vitest";
import { createManualClock } from "../../src/retry/manual-clock.js";
import { createRetryBudget } from "../../src/retry/retry-budget.js";
import type { AttemptContext } from "../../src/retry/types.js";
import { withRetry } from "../../src/retry/with-retry.js";
import { errorOf, failure, recordFailure, scripted, settle } from "./helpers.js";

/** An attempt that never answers but rejects when its signal aborts, like fetch. */
const hang = (ctx: AttemptContext): Promise<never> =>
  new Promise((_, reject) => ctx.signal.addEventListener("abort", () => reject(ctx.signal.reason)));

describe("withRetry timing", () => {
  it("rejects at once when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const script = scripted([], 1);
    const error = errorOf(await settle(withRetry(script.fn, { signal: controller.signal })));
    expect(error.kind).toBe("aborted");
    expect(error.gaveUp).toBe("aborted");
    expect(script.calls()).toBe(0);
  });

  it("rejects at once when aborted during a backoff and clears the timer", async () => {
    const clock = createManualClock();
    const controller = new AbortController();
    const script = scripted([failure("throttling")], 1);
    const result = settle(
      withRetry(script.fn, { clock, signal: controller.signal, random: () => 0.5 }),
    );
    await clock.advance(100);
    expect(clock.pending).toBe(1);
    controller.abort();
    const error = errorOf(await result);
    expect(error).toMatchObject({ kind: "aborted", name: "AbortError", gaveUp: "aborted" });
    expect(error.attempts).toHaveLength(1);
    expect(clock.pending).toBe(0);
    expect(script.calls()).toBe(1);
  });

  it("turns an abort during an attempt into aborted, even when fn ignores its signal", async () => {
    const clock = createManualClock();
    const controller = new AbortController();
    const result = settle(
      withRetry(() => new Promise<never>(() => undefined), { clock, signal: controller.signal }),
    );
    await clock.flush();
    controller.abort();
    expect(errorOf(await result)).toMatchObject({ kind: "aborted", gaveUp: "aborted" });
  });

  it("times an attempt out as a transient timeout and retries", async () => {
    const clock = createManualClock();
    const timeouts: (number | undefined)[] = [];
    const result = settle(
      withRetry(
        (ctx) => {
          timeouts.push(ctx.timeoutMs);
          return ctx.attempt < 3 ? hang(ctx) : Promise.resolve("late but fine");
        },
        { clock, attemptTimeoutMs: 1000, random: () => 0 },
      ),
    );
    await clock.runAll();
    expect(await result).toEqual({ ok: true, value: "late but fine" });
    expect(timeouts).toEqual([1000, 1000, 1000]);
    expect(clock.now()).toBe(2000);
  });

  it("sizes the attempt timeout to the deadline and gives up with deadline", async () => {
    const clock = createManualClock();
    const timeouts: (number | undefined)[] = [];
    const result = settle(
      withRetry(
        (ctx) => {
          timeouts.push(ctx.timeoutMs);
          return hang(ctx);
        },
        { clock, attemptTimeoutMs: 1000, deadlineMs: 1500, random: () => 0 },
      ),
    );
    await clock.runAll();
    const error = errorOf(await result);
    expect(error).toMatchObject({ kind: "timeout", retry: "transient", gaveUp: "deadline" });
    expect(timeouts).toEqual([1000, 500]);
    expect(clock.now()).toBe(1500);
  });

  it("never sleeps past the deadline for a hint", async () => {
    const clock = createManualClock();
    const script = scripted([failure("throttling", { retryAfterMs: 5000 })], 1);
    const result = settle(withRetry(script.fn, { clock, deadlineMs: 3000 }));
    await clock.runAll();
    expect(errorOf(await result).gaveUp).toBe("deadline");
    expect(clock.now()).toBe(0);
  });

  it("waits the capped hint", async () => {
    const clock = createManualClock();
    const script = scripted([failure("throttling", { retryAfterMs: 60_000 })], 1);
    const result = settle(withRetry(script.fn, { clock, policy: { maxHintMs: 5000 } }));
    await clock.runAll();
    expect(await result).toEqual({ ok: true, value: 1 });
    expect(clock.now()).toBe(5000);
  });

  it("holds first attempts during an outage and recovers on the probe's success", async () => {
    const clock = createManualClock();
    const budget = createRetryBudget({ outageThreshold: 2, outageHoldMs: 200 });
    recordFailure(budget, "transient");
    recordFailure(budget, "transient");
    const script = scripted([], "up");
    const first = settle(withRetry(script.fn, { clock, budget }));
    const second = settle(withRetry(script.fn, { clock, budget }));
    await clock.advance(199);
    expect(script.calls()).toBe(0);
    await clock.runAll();
    expect(await first).toEqual({ ok: true, value: "up" });
    expect(await second).toEqual({ ok: true, value: "up" });
    expect(script.calls()).toBe(2);
    expect(budget.admit(clock.now())).toEqual({ verdict: "send", probe: false });
  });

  it("gives up with deadline when a hold would outlast it, before any attempt", async () => {
    const clock = createManualClock();
    const budget = createRetryBudget({ outageThreshold: 1, outageHoldMs: 1000 });
    recordFailure(budget, "transient");
    const script = scripted([], 1);
    const result = settle(withRetry(script.fn, { clock, budget, deadlineMs: 500 }));
    await clock.runAll();
    expect(errorOf(await result)).toMatchObject({
      code: "EndpointUnavailable",
      gaveUp: "deadline",
    });
    expect(script.calls()).toBe(0);
  });
});
