import { ConstantBackoff, handleWhen, retry } from "cockatiel";
import { afterEach, describe, expect, it, vi } from "vitest";
import { normalizeResponse } from "../../src/index.js";
import { createCockatielBackoff, isRetryableError } from "../../src/interop/index.js";

const unavailable = (retryAfter?: string) =>
  normalizeResponse(
    { status: 503, headers: retryAfter === undefined ? {} : { "retry-after": retryAfter } },
    { provider: "aws" },
  );
const preconditionFailed = () =>
  normalizeResponse(
    { status: 412, body: "<Error><Code>PreconditionFailed</Code></Error>" },
    { provider: "aws" },
  );

afterEach(() => {
  vi.useRealTimers();
});

describe("isRetryableError as cockatiel's handleWhen predicate", () => {
  it("retries transient failures and stops at cockatiel's maxAttempts", async () => {
    const policy = retry(
      handleWhen((error) => isRetryableError(error)),
      {
        maxAttempts: 2,
        backoff: new ConstantBackoff(0),
      },
    );
    let calls = 0;
    await expect(
      policy.execute(() => {
        calls += 1;
        throw unavailable();
      }),
    ).rejects.toMatchObject({ kind: "unavailable" });
    expect(calls).toBe(3);
  });

  it("does not retry a precondition failure", async () => {
    const policy = retry(
      handleWhen((error) => isRetryableError(error)),
      { maxAttempts: 5 },
    );
    let calls = 0;
    await expect(
      policy.execute(() => {
        calls += 1;
        throw preconditionFailed();
      }),
    ).rejects.toMatchObject({ kind: "precondition_failed" });
    expect(calls).toBe(1);
  });

  it("classifies raw thrown errors too", () => {
    const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    expect(isRetryableError(reset)).toBe(true);
    expect(isRetryableError(new TypeError("x is not a function"))).toBe(false);
  });
});

describe("createCockatielBackoff", () => {
  it("waits the provider's hint, capped by maxHintMs", () => {
    const backoff = createCockatielBackoff({ policy: { maxHintMs: 5000 } });
    expect(backoff.next({ attempt: 1, result: { error: unavailable("2") } }).duration).toBe(2000);
    expect(backoff.next({ attempt: 1, result: { error: unavailable("60") } }).duration).toBe(5000);
  });

  it("falls back on the class's backoff, growing with the attempt", () => {
    const backoff = createCockatielBackoff({ random: () => 0.5 });
    const throttled = normalizeResponse({ status: 429 }, { provider: "aws" });
    const first = backoff.next({ attempt: 1, result: { error: throttled } });
    const second = first.next({ attempt: 2, result: { error: throttled } });
    expect([first.duration, second.duration]).toEqual([500, 1000]);
  });

  it("drives real cockatiel retries with the hinted waits", async () => {
    vi.useFakeTimers();
    const policy = retry(
      handleWhen((error) => isRetryableError(error)),
      {
        maxAttempts: 3,
        backoff: createCockatielBackoff(),
      },
    );
    const delays: number[] = [];
    policy.onRetry(({ delay }) => delays.push(delay));
    let calls = 0;
    const run = policy.execute(() => {
      calls += 1;
      if (calls < 3) throw unavailable("3");
      return "ok";
    });
    await vi.runAllTimersAsync();
    await expect(run).resolves.toBe("ok");
    expect(delays).toEqual([3000, 3000]);
  });
});
