import pRetry from "p-retry";
import { describe, expect, it } from "vitest";
import { createManualClock, normalize, normalizeResponse } from "../../src/index.js";
import { pRetryOptions } from "../../src/interop/index.js";

const slowDown = () =>
  normalizeResponse({ status: 503, headers: { "retry-after": "2" } }, { provider: "aws" });
const notFound = () =>
  normalizeResponse(
    { status: 404, body: "<Error><Code>NoSuchKey</Code><Message>gone</Message></Error>" },
    { provider: "aws" },
  );

/** Runs `promise` to its end, moving the manual clock and letting p-retry's 0 ms timers fire. */
async function drive<T>(clock: ReturnType<typeof createManualClock>, promise: Promise<T>) {
  let settled = false;
  const outcome = promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  void outcome.then(() => {
    settled = true;
  });
  for (let step = 0; step < 1000 && !settled; step += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    await clock.advance(100);
  }
  return outcome;
}

describe("pRetryOptions with p-retry 7", () => {
  it("retries a 503 and waits its Retry-After on the injected clock", async () => {
    const clock = createManualClock();
    const started: number[] = [];
    const result = await drive(
      clock,
      pRetry(async () => {
        started.push(clock.now());
        if (started.length < 3) throw slowDown();
        return "body";
      }, pRetryOptions({ clock })),
    );
    expect(result).toEqual({ ok: true, value: "body" });
    expect(started).toHaveLength(3);
    expect(started[1]! - started[0]!).toBeGreaterThanOrEqual(2000);
    expect(started[1]! - started[0]!).toBeLessThan(2200);
    expect(started[2]! - started[1]!).toBeGreaterThanOrEqual(2000);
  });

  it("does not retry a never-class error and rejects with it", async () => {
    const clock = createManualClock();
    let calls = 0;
    const result = await drive(
      clock,
      pRetry(async () => {
        calls += 1;
        throw notFound();
      }, pRetryOptions({ clock })),
    );
    expect(calls).toBe(1);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(normalize(result.error).kind).toBe("not_found");
    expect(clock.now()).toBeLessThan(200);
  });

  it("waits the class's backoff without a hint, and stops at the class's attempts", async () => {
    const clock = createManualClock();
    const started: number[] = [];
    const options = pRetryOptions({
      clock,
      random: () => 0.5,
      policy: { maxAttempts: 5, classes: { throttling: { maxAttempts: 2 } } },
    });
    expect(options.retries).toBe(4);
    const result = await drive(
      clock,
      pRetry(async () => {
        started.push(clock.now());
        throw normalizeResponse({ status: 429 }, { provider: "aws" });
      }, options),
    );
    expect(result.ok).toBe(false);
    expect(started).toHaveLength(2);
    // Full jitter from the throttling class's 1 s base: 0.5 of 1000 ms for the first retry.
    expect(started[1]! - started[0]!).toBeGreaterThanOrEqual(500);
    expect(started[1]! - started[0]!).toBeLessThan(700);
  });

  it("classifies each failure once, though p-retry asks both of its hooks about it", async () => {
    const clock = createManualClock();
    let draws = 0;
    const options = pRetryOptions({
      clock,
      random: () => {
        draws++;
        return 0.5;
      },
    });
    let calls = 0;
    const result = await drive(
      clock,
      pRetry(async () => {
        calls++;
        if (calls < 3) throw normalizeResponse({ status: 503 }, { provider: "aws" });
        return "ok";
      }, options),
    );
    expect(result).toEqual({ ok: true, value: "ok" });
    // Two failures, one backoff drawn for each.
    expect(draws).toBe(2);
  });

  it("leaves clock-skew errors to bucketguard's own loop unless the class is listed", () => {
    const skewed = normalizeResponse(
      { status: 403, body: "<Error><Code>RequestTimeTooSkewed</Code></Error>" },
      { provider: "aws" },
    );
    expect(pRetryOptions().shouldRetry({ error: skewed, attemptNumber: 1 })).toBe(false);
    const listed = pRetryOptions({ retryClasses: ["clock_skew"] });
    expect(listed.shouldRetry({ error: skewed, attemptNumber: 1 })).toBe(true);
    expect(listed.shouldRetry({ error: skewed, attemptNumber: 2 })).toBe(false);
  });

  it("rejects a wrong policy when the options are made, naming the option", () => {
    expect(() => pRetryOptions({ policy: { maxAttempts: 0 } })).toThrow(/maxAttempts/);
  });

  it("reads p-retry 6's shape too, where the context is the error itself", () => {
    // p-retry 6 sets attemptNumber and retriesLeft on the thrown error and passes it.
    const asV6 = (error: Error, attemptNumber: number) =>
      Object.assign(error, { attemptNumber, retriesLeft: 5 }) as unknown as Parameters<
        ReturnType<typeof pRetryOptions>["shouldRetry"]
      >[0];
    expect(pRetryOptions().shouldRetry(asV6(slowDown(), 1))).toBe(true);
    expect(pRetryOptions().shouldRetry(asV6(notFound(), 1))).toBe(false);
  });
});
