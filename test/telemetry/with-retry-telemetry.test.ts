import { describe, expect, it } from "vitest";
import { createManualClock } from "../../src/retry/manual-clock.js";
import { createRetryBudget } from "../../src/retry/retry-budget.js";
import type { RetryTelemetry } from "../../src/retry/telemetry.js";
import { withRetry } from "../../src/retry/with-retry.js";
import { failure, runScripted as run, scripted, settle } from "../retry/helpers.js";
import { createRecordingTelemetry } from "./recording-telemetry.js";

describe("withRetry telemetry hooks", () => {
  it("starts once, then reports each retry with its delay and the success, in order", async () => {
    const { telemetry, log, starts } = createRecordingTelemetry();
    const budget = createRetryBudget();
    const { result, clock } = await run([failure("transient"), failure("throttling")], "ok", {
      telemetry,
      budget,
      operation: { name: "GetObject" },
      context: { provider: "r2" },
    });
    expect(result).toEqual({ ok: true, value: "ok" });
    expect(log).toEqual([
      "start GetObject r2",
      "retry 1 Code_transient transient 25ms",
      "retry 2 Code_throttling throttling 500ms",
      "success 3",
    ]);
    expect(starts[0]?.budget).toBe(budget);
    expect(clock.now()).toBe(525);
  });

  it("reports a give-up once, with its reason, and no success", async () => {
    const { telemetry, log } = createRecordingTelemetry();
    const { result } = await run([failure("transient"), failure("never")], "ok", { telemetry });
    expect(result.ok).toBe(false);
    expect(log).toEqual([
      "start - -",
      "retry 1 Code_transient transient 25ms",
      "give_up 2 Code_never not_retryable",
    ]);
  });

  it("reports max_attempts after the last retry", async () => {
    const { telemetry, log } = createRecordingTelemetry();
    const errors = [failure("transient"), failure("transient"), failure("transient")];
    await run(errors, "ok", { telemetry, maxAttempts: 2 });
    expect(log).toEqual([
      "start - -",
      "retry 1 Code_transient transient 25ms",
      "give_up 2 Code_transient max_attempts",
    ]);
  });

  it("reports a give-up before any attempt (caller already aborted) as attempt 0", async () => {
    const { telemetry, log } = createRecordingTelemetry();
    const controller = new AbortController();
    controller.abort();
    const { calls } = await run([], "ok", { telemetry, signal: controller.signal });
    expect(calls).toBe(0);
    expect(log).toEqual(["start - -", "give_up 0 AbortError aborted"]);
  });

  it("reports an abort during the backoff after the retry it interrupted", async () => {
    const { telemetry, log } = createRecordingTelemetry();
    const clock = createManualClock();
    const controller = new AbortController();
    const script = scripted([failure("throttling")], "ok");
    const result = settle(
      withRetry(script.fn, { clock, random: () => 0.5, telemetry, signal: controller.signal }),
    );
    await clock.advance(100);
    controller.abort();
    expect((await result).ok).toBe(false);
    expect(log).toEqual([
      "start - -",
      "retry 1 Code_throttling throttling 500ms",
      "give_up 1 AbortError aborted",
    ]);
  });

  it("reports a reconciled write as a success of the attempt that was reconciled", async () => {
    const { telemetry, log } = createRecordingTelemetry();
    const { result } = await run(
      [
        failure("transient"),
        failure("never", { kind: "precondition_failed", code: "PreconditionFailed", status: 412 }),
      ],
      "never",
      { telemetry, reconcile: async () => ({ value: "landed" }) },
    );
    expect(result).toEqual({ ok: true, value: "landed" });
    expect(log).toEqual([
      "start - -",
      "retry 1 Code_transient transient 25ms",
      "success 2 reconciled",
    ]);
  });

  it("runs every attempt inside the recorder's `within`", async () => {
    let depth = 0;
    const seenDepths: number[] = [];
    const { telemetry, log } = createRecordingTelemetry({
      within<R>(attempt: () => R): R {
        depth++;
        try {
          return attempt();
        } finally {
          depth--;
        }
      },
    });
    const clock = createManualClock();
    let calls = 0;
    const result = withRetry(
      async () => {
        seenDepths.push(depth);
        if (++calls < 3) throw failure("transient");
        return "ok";
      },
      { clock, random: () => 0, telemetry },
    );
    await clock.runAll();
    expect(await result).toBe("ok");
    expect(seenDepths).toEqual([1, 1, 1]);
    expect(log.at(-1)).toBe("success 3");
  });

  it("keeps the outcome when the telemetry throws anywhere", async () => {
    const boom = (): never => {
      throw new Error("telemetry down");
    };
    const throwingRecorder: RetryTelemetry = {
      startOperation: () => ({ success: boom, retry: boom, giveUp: boom, within: boom }),
    };
    const ok = await run([failure("transient")], "ok", { telemetry: throwingRecorder });
    expect(ok).toMatchObject({ result: { ok: true, value: "ok" }, calls: 2 });
    const failed = await run([failure("never")], "ok", { telemetry: throwingRecorder });
    expect(failed.result.ok).toBe(false);
    if (!failed.result.ok) expect(failed.result.error.gaveUp).toBe("not_retryable");

    const throwingStart: RetryTelemetry = { startOperation: boom };
    expect(await run([failure("transient")], 7, { telemetry: throwingStart })).toMatchObject({
      result: { ok: true, value: 7 },
      calls: 2,
    });
  });

  it("skips an operation whose telemetry returns no recorder", async () => {
    let started = 0;
    const telemetry: RetryTelemetry = {
      startOperation: () => {
        started++;
        return undefined;
      },
    };
    const { result } = await run([failure("transient")], "ok", { telemetry });
    expect(result).toEqual({ ok: true, value: "ok" });
    expect(started).toBe(1);
  });

  it("keeps an attempt's own result when the telemetry throws after running it", async () => {
    let attempts = 0;
    const telemetry: RetryTelemetry = {
      startOperation: () => ({
        success() {},
        retry() {},
        giveUp() {},
        within<R>(attempt: () => R): R {
          attempt();
          throw new Error("context manager failed after the attempt");
        },
      }),
    };
    const value = await withRetry(
      async () => {
        attempts++;
        return "stored";
      },
      { telemetry },
    );
    expect(value).toBe("stored");
    expect(attempts).toBe(1);
  });
});
