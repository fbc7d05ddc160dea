import { describe, expect, it } from "vitest";
import type { RetryClass } from "../../src/errors/kinds.js";
import { StorageError } from "../../src/errors/storage-error.js";
import { createManualClock } from "../../src/retry/manual-clock.js";
import { createRetryBudget } from "../../src/retry/retry-budget.js";
import type { GiveUpEvent, RetryEvent } from "../../src/retry/types.js";
import { withRetry } from "../../src/retry/with-retry.js";
import { errorOf, failure, runScripted as run } from "./helpers.js";

describe("withRetry", () => {
  it("resolves with the first success and hands each attempt its context", async () => {
    const clock = createManualClock();
    const seen: number[] = [];
    const result = withRetry(
      async (ctx) => {
        seen.push(ctx.attempt);
        expect(ctx.signal.aborted).toBe(false);
        if (ctx.attempt === 1) throw failure("transient");
        expect(ctx.lastError?.retry).toBe("transient");
        return "ok";
      },
      { clock, random: () => 0.5 },
    );
    await clock.runAll();
    expect(await result).toBe("ok");
    expect(seen).toEqual([1, 2]);
    expect(clock.now()).toBe(25);
  });

  it.each<[RetryClass, number]>([
    ["transient", 3],
    ["throttling", 3],
    ["conflict", 3],
    ["never", 1],
  ])("%s errors are tried %i times by default", async (retry, expected) => {
    const errors = Array.from({ length: 5 }, () => failure(retry));
    const { result, calls } = await run(errors, "ok");
    const error = errorOf(result);
    expect(calls).toBe(expected);
    expect(error.gaveUp).toBe(retry === "never" ? "not_retryable" : "max_attempts");
    expect(error.attempts).toHaveLength(expected);
    expect(error.attempts?.at(-1)?.delayMs).toBe(0);
  });

  it("records each attempt's kind, code, status and delay", async () => {
    const { result, clock } = await run(
      [failure("throttling"), failure("transient"), failure("transient")],
      1,
      { maxAttempts: 3 },
    );
    expect(errorOf(result).attempts).toEqual([
      { attempt: 1, kind: "throttled", code: "Code_throttling", status: 503, delayMs: 500 },
      { attempt: 2, kind: "server_error", code: "Code_transient", status: 503, delayMs: 25 },
      { attempt: 3, kind: "server_error", code: "Code_transient", status: 503, delayMs: 0 },
    ]);
    expect(clock.now()).toBe(525);
  });

  it("normalizes thrown values, with options.normalize when given", async () => {
    const thrown = new Error("boom");
    const seen: unknown[] = [];
    const plain = await run([thrown], 1, {
      maxAttempts: 1,
      normalize: (error, context) => {
        seen.push(error, context?.operation);
        return failure("never");
      },
      context: { operation: "HeadObject" },
    });
    expect(errorOf(plain.result).gaveUp).toBe("not_retryable");
    expect(seen).toEqual([thrown, "HeadObject"]);
    const defaulted = await run(["a string"], 1, { maxAttempts: 1 });
    expect(errorOf(defaulted.result)).toBeInstanceOf(StorageError);
    expect(errorOf(defaulted.result).attempts).toHaveLength(1);
    const custom = await run([new Error("boom")], 1, { normalize: () => failure("transient") });
    expect(custom.result).toEqual({ ok: true, value: 1 });
    expect(custom.calls).toBe(2);
  });

  it("gives up not_idempotent and body_not_replayable after one retryable failure", async () => {
    const once = await run([failure("transient")], 1, { operation: { idempotency: "never" } });
    expect(errorOf(once.result).gaveUp).toBe("not_idempotent");
    expect(once.calls).toBe(1);
    const stream = await run([failure("transient")], 1, { operation: { bodyReplayable: false } });
    expect(errorOf(stream.result).gaveUp).toBe("body_not_replayable");
  });

  it("gives up budget when the shared budget is spent or canAttempt refuses", async () => {
    const budget = createRetryBudget({ capacity: 5 });
    const spent = await run([failure("conflict"), failure("conflict")], 1, { budget });
    expect(errorOf(spent.result).gaveUp).toBe("budget");
    expect(spent.calls).toBe(2);
    const limited = await run([failure("transient")], 1, { canAttempt: (n) => n < 2 });
    expect(errorOf(limited.result).gaveUp).toBe("budget");
    expect(limited.calls).toBe(1);
  });

  it("calls the hooks and survives hooks that throw", async () => {
    const retries: RetryEvent[] = [];
    const giveUps: GiveUpEvent[] = [];
    const { result } = await run([failure("transient"), failure("never")], 1, {
      operation: { name: "GetObject" },
      onRetry: (event) => {
        retries.push(event);
        throw new Error("hook bug");
      },
      onGiveUp: (event) => {
        giveUps.push(event);
        throw new Error("hook bug");
      },
    });
    expect(errorOf(result).gaveUp).toBe("not_retryable");
    expect(retries).toMatchObject([
      { attempt: 1, delayMs: 25, retry: "transient", operation: "GetObject" },
    ]);
    expect(giveUps).toMatchObject([
      { attempt: 2, reason: "not_retryable", retry: "never", operation: "GetObject" },
    ]);
    expect(giveUps[0]?.attempts).toHaveLength(2);
  });

  it.each([
    ["full", [25, 50, 100]],
    ["equal", [62, 125, 250]],
    ["none", [100, 200, 400]],
    ["decorrelated", [150, 187, 215]],
  ] as const)("waits with %s jitter from the injected random", async (jitter, expected) => {
    const seen: number[] = [];
    const errors = [failure("transient"), failure("transient"), failure("transient")];
    const policy = {
      maxAttempts: 4,
      classes: { transient: { maxAttempts: 4, baseDelayMs: 100, jitter } },
    };
    const { result, clock } = await run(errors, 1, {
      policy,
      random: () => 0.25,
      onRetry: (event) => seen.push(event.delayMs),
    });
    expect(result).toEqual({ ok: true, value: 1 });
    expect(seen).toEqual(expected);
    expect(clock.now()).toBe(expected[0] + expected[1] + expected[2]);
  });
});
