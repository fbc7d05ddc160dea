import { describe, expect, it } from "vitest";
import { createManualClock } from "../../src/retry/manual-clock.js";
import type { RetryOptions } from "../../src/retry/types.js";
import { withRetry } from "../../src/retry/with-retry.js";
import { errorOf, failure, settle } from "./helpers.js";

describe("withRetry's classifyResult", () => {
  it("retries a returned failure and resolves with the value that passes", async () => {
    const clock = createManualClock();
    const statuses = [503, 500, 200];
    let calls = 0;
    const result = settle(
      withRetry(async () => ({ status: statuses[calls++] ?? 200 }), {
        clock,
        random: () => 0,
        classifyResult: (res) =>
          res.status >= 500 ? failure("transient", { status: res.status }) : undefined,
      }),
    );
    await clock.runAll();
    expect(await result).toEqual({ ok: true, value: { status: 200 } });
    expect(calls).toBe(3);
  });

  it("surfaces the last returned failure with its attempts once the policy stops", async () => {
    const clock = createManualClock();
    const unavailable = () => failure("transient", { status: 503, cause: "the Response" });
    const result = settle(
      withRetry(async () => 503, { clock, maxAttempts: 2, classifyResult: unavailable }),
    );
    await clock.runAll();
    const error = errorOf(await result);
    expect(error).toMatchObject({ status: 503, gaveUp: "max_attempts", cause: "the Response" });
    expect(error.attempts).toHaveLength(2);
  });
});

describe("withRetry's option checks", () => {
  it.each<[string, RetryOptions<unknown>, ErrorConstructor, string]>([
    [
      "maxAttempts 0",
      { maxAttempts: 0 },
      RangeError,
      "Expected `maxAttempts` to be an integer >= 1, got 0.",
    ],
    ["maxAttempts NaN", { maxAttempts: Number.NaN }, RangeError, "`maxAttempts`"],
    ["a negative deadline", { deadlineMs: -1 }, RangeError, "`deadlineMs`"],
    [
      "deadlineMs NaN",
      { deadlineMs: Number.NaN },
      RangeError,
      "`deadlineMs` to be a finite duration >= 0 ms, got NaN",
    ],
    ["attemptTimeoutMs 0", { attemptTimeoutMs: 0 }, RangeError, "`attemptTimeoutMs`"],
    ["a negative outageWaitMs", { outageWaitMs: -5 }, RangeError, "got -5"],
    [
      "a non-function onRetry",
      { onRetry: "log" as never },
      TypeError,
      'Expected `onRetry` to be a function, got "log".',
    ],
    [
      "a non-function classifyResult",
      { classifyResult: 1 as never },
      TypeError,
      "`classifyResult`",
    ],
    [
      "a clock without setTimer",
      { clock: { now: () => 0 } as never },
      TypeError,
      "`clock` to have a `setTimer` method",
    ],
    ["a budget of the wrong shape", { budget: { admit: 1 } as never }, TypeError, "`budget.admit`"],
    [
      "an unknown idempotency",
      { operation: { idempotency: "sometimes" as never } },
      TypeError,
      "`operation.idempotency`",
    ],
    [
      "a negative class delay",
      { policy: { classes: { transient: { baseDelayMs: -1 } } } },
      RangeError,
      "`policy.classes.transient.baseDelayMs`",
    ],
  ])("rejects %s, naming it", async (_, options, type, message) => {
    const run = withRetry(async () => "never sent", options);
    await expect(run).rejects.toThrow(type);
    await expect(withRetry(async () => "never sent", options)).rejects.toThrow(message);
  });
});
