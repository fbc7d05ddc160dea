import { describe, expect, it } from "vitest";
import { describeFailure, formatFailure } from "../../bench/scenarios/describe-failure.js";
import { createManualClock, withRetry } from "../../src/index.js";

describe("describeFailure", () => {
  it("says why bucketguard gave up, after how many attempts, and what each attempt met", async () => {
    const clock = createManualClock();
    let calls = 0;
    const running = withRetry(
      async () => {
        calls++;
        throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
      },
      { maxAttempts: 2, clock, random: () => 0 },
    ).catch((e: unknown) => e);
    await clock.runAll();
    const detail = describeFailure("GetObject k", await running);
    expect(detail).toMatchObject({
      operation: "GetObject k",
      kind: "network",
      gaveUp: "max_attempts",
      attempts: 2,
      history: ["network", "network"],
    });
    expect(calls).toBe(2);
    expect(formatFailure(detail)).toBe(
      "GetObject k: network (ECONNRESET), gave up: max_attempts after 2 attempts [network, network]",
    );
  });

  it("reads the attempt count of an SDK exception from $metadata", () => {
    const error = Object.assign(new Error("We encountered an internal error."), {
      name: "InternalError",
      $metadata: { httpStatusCode: 500, attempts: 3 },
    });
    const detail = describeFailure("PutObject k", error);
    expect(detail).toMatchObject({ kind: "server_error", gaveUp: undefined, attempts: 3 });
    expect(formatFailure(detail)).toBe(
      "PutObject k: server_error (InternalError) after 3 attempts",
    );
  });
});
