import { describe, expect, it } from "vitest";
import { createManualClock } from "../../src/retry/manual-clock.js";
import type { RetryOptions } from "../../src/retry/types.js";
import { withRetry } from "../../src/retry/with-retry.js";
import { errorOf, failure, scripted, settle } from "./helpers.js";

async function run<T>(errors: readonly unknown[], value: T, options: RetryOptions<T> = {}) {
  const clock = createManualClock(1_000_000);
  const script = scripted(errors, value);
  const result = settle(withRetry(script.fn, { clock, random: () => 0.5, ...options }));
  await clock.runAll();
  return { result: await result, calls: script.calls() };
}

describe("withRetry conditions", () => {
  it("learns the clock offset from serverTime and retries once", async () => {
    const clock = createManualClock(1_000_000);
    const offsets: number[] = [];
    const seen: number[] = [];
    const skewed = failure("clock_skew", { serverTime: new Date(1_300_000) });
    const result = settle(
      withRetry(
        async (ctx) => {
          seen.push(ctx.clockOffsetMs);
          throw skewed;
        },
        { clock, onClockSkew: (offsetMs) => offsets.push(offsetMs) },
      ),
    );
    await clock.runAll();
    expect(errorOf(await result).gaveUp).toBe("max_attempts");
    expect(offsets).toEqual([300_000]);
    expect(seen).toEqual([0, 300_000]);
  });

  it("falls back on skewMs", async () => {
    const offsets: number[] = [];
    const { result } = await run([failure("clock_skew", { skewMs: -900_000 })], "ok", {
      onClockSkew: (offsetMs) => offsets.push(offsetMs),
    });
    expect(result).toEqual({ ok: true, value: "ok" });
    expect(offsets).toEqual([-900_000]);
  });

  it("refreshes credentials once before the single retry", async () => {
    let refreshed = 0;
    const refreshCredentials = async () => {
      refreshed++;
    };
    const ok = await run([failure("credentials")], "ok", { refreshCredentials });
    expect(ok.result).toEqual({ ok: true, value: "ok" });
    expect(refreshed).toBe(1);
    const twice = await run([failure("credentials"), failure("credentials")], "ok", {
      refreshCredentials,
    });
    expect(errorOf(twice.result).gaveUp).toBe("max_attempts");
    expect(refreshed).toBe(2);
  });

  it("does not retry credentials without a refresher or when it throws", async () => {
    const none = await run([failure("credentials")], "ok");
    expect(errorOf(none.result).gaveUp).toBe("not_retryable");
    const broken = await run([failure("credentials")], "ok", {
      refreshCredentials: () => {
        throw new Error("no IMDS");
      },
    });
    expect(errorOf(broken.result).gaveUp).toBe("not_retryable");
    expect(broken.calls).toBe(1);
  });

  it("follows a redirect once, only when followRedirect agrees", async () => {
    const moved = failure("redirect", { region: "eu-west-1" });
    const followed = await run([moved], "ok", { followRedirect: (e) => e.kind === "redirect" });
    expect(followed.result).toEqual({ ok: true, value: "ok" });
    const refused = await run([moved], "ok", { followRedirect: () => false });
    expect(errorOf(refused.result).gaveUp).toBe("not_retryable");
    const unset = await run([moved], "ok");
    expect(errorOf(unset.result).gaveUp).toBe("not_retryable");
  });

  it("retries conflicts with a short backoff", async () => {
    const seen: number[] = [];
    const { result } = await run([failure("conflict"), failure("conflict")], "ok", {
      onRetry: (event) => seen.push(event.delayMs),
    });
    expect(result).toEqual({ ok: true, value: "ok" });
    expect(seen).toEqual([50, 100]);
  });

  it("reconciles a retried conditional write answered 412 by its own first attempt", async () => {
    const checked: number[] = [];
    const precondition = failure("never", {
      kind: "precondition_failed",
      code: "PreconditionFailed",
      status: 412,
    });
    const { result } = await run([failure("transient"), precondition], "unused", {
      operation: { name: "PutObject", idempotency: "conditional" },
      reconcile: async (error, attempt) => {
        checked.push(attempt);
        return error.code === "PreconditionFailed" ? { value: "landed" } : undefined;
      },
    });
    expect(result).toEqual({ ok: true, value: "landed" });
    expect(checked).toEqual([2]);
  });

  it("reports the failure when reconcile finds nothing, and never reconciles a first attempt", async () => {
    const noSuchUpload = failure("never", {
      kind: "not_found",
      code: "NoSuchUpload",
      resource: "upload",
    });
    const calls: number[] = [];
    const reconcile = async (_error: unknown, attempt: number) => {
      calls.push(attempt);
      return undefined;
    };
    const retried = await run([failure("transient"), noSuchUpload], "x", { reconcile });
    expect(errorOf(retried.result)).toMatchObject({
      code: "NoSuchUpload",
      gaveUp: "not_retryable",
    });
    const first = await run([noSuchUpload], "x", { reconcile });
    expect(errorOf(first.result).gaveUp).toBe("not_retryable");
    expect(calls).toEqual([2]);
  });
});
