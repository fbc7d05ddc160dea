import { afterAll, afterEach, describe, expect, it } from "vitest";
import {
  createManualClock,
  createRetryBudget,
  type RetryOptions,
  withRetry,
} from "../../src/index.js";
import { readBreakerState } from "../../src/otel/budget-gauges.js";
import { type OtelApi, otelTelemetry } from "../../src/otel/index.js";
import { failure, scripted, settle } from "../retry/helpers.js";
import { installOtelSdk } from "./otel-sdk.js";

const otel = installOtelSdk();
afterEach(() => otel.spans.reset());
afterAll(() => otel.shutdown());

async function run<T>(errors: readonly unknown[], value: T, options: RetryOptions<T> = {}) {
  const clock = createManualClock();
  const script = scripted(errors, value);
  const result = settle(withRetry(script.fn, { clock, random: () => 0.5, ...options }));
  await clock.runAll();
  return result;
}

/** Runs `work` under an active span named `parent`, which it ends. */
function underSpan<T>(work: () => Promise<T>): Promise<T> {
  return otel.api.trace.getTracer("test").startActiveSpan("parent", async (span) => {
    try {
      return await work();
    } finally {
      span.end();
    }
  });
}

describe("otelTelemetry", () => {
  it("puts a give_up event on the active span and counts 2 retry + 1 give_up with its reason", async () => {
    const telemetry = otelTelemetry({ api: otel.api, meterName: "give-up" });
    const errors = [failure("transient"), failure("transient"), failure("transient")];
    const result = await underSpan(() =>
      run(errors, "x", { telemetry, operation: { name: "HeadObject" } }),
    );
    expect(result.ok).toBe(false);
    const [span] = otel.spans.getFinishedSpans();
    expect(span?.events.map((event) => event.name)).toEqual([
      "bucketguard.retry",
      "bucketguard.retry",
      "bucketguard.give_up",
    ]);
    expect(span?.events[2]?.attributes).toEqual({
      "bucketguard.give_up.reason": "max_attempts",
      "bucketguard.attempt.count": 3,
      "error.type": "server_error",
      "bucketguard.retry.class": "transient",
      "bucketguard.error.code": "Code_transient",
      "bucketguard.provider.name": "aws",
      "http.response.status_code": 503,
    });
    expect(span?.events[1]?.attributes?.["bucketguard.retry.delay"]).toBe(0.05);
    expect(span?.attributes["http.request.resend_count"]).toBe(2);

    const points = await otel.points("bucketguard.attempts", "give-up");
    const counts = Object.fromEntries(
      points.map((p) => [p.attributes["bucketguard.attempt.outcome"], p.value]),
    );
    expect(counts).toEqual({ retry: 2, give_up: 1 });
    const giveUp = points.find((p) => p.attributes["bucketguard.attempt.outcome"] === "give_up");
    expect(giveUp?.attributes).toMatchObject({
      "bucketguard.give_up.reason": "max_attempts",
      "bucketguard.operation.name": "HeadObject",
    });
  });

  it("with spans: 'operation', opens a child span, runs each attempt inside it and marks a give-up", async () => {
    const telemetry = otelTelemetry({ api: otel.api, spans: "operation", meterName: "spans" });
    const activeInAttempts: (string | undefined)[] = [];
    const clock = createManualClock();
    let calls = 0;
    const result = underSpan(() =>
      settle(
        withRetry(
          async () => {
            const active = otel.api.trace.getActiveSpan() as { name?: string } | undefined;
            activeInAttempts.push(active?.name);
            throw failure(++calls === 1 ? "transient" : "never");
          },
          { clock, random: () => 0, telemetry, operation: { name: "PutObject" } },
        ),
      ),
    );
    await clock.runAll();
    expect((await result).ok).toBe(false);
    expect(activeInAttempts).toEqual(["bucketguard PutObject", "bucketguard PutObject"]);
    const finished = otel.spans.getFinishedSpans();
    const own = finished.find((span) => span.name === "bucketguard PutObject");
    const parent = finished.find((span) => span.name === "parent");
    expect(own?.parentSpanContext?.spanId).toBe(parent?.spanContext().spanId);
    expect(own?.events.map((event) => event.name)).toEqual([
      "bucketguard.retry",
      "bucketguard.give_up",
    ]);
    expect(own?.status).toEqual({ code: 2, message: "Code_never" });
    expect(own?.attributes).toMatchObject({
      "bucketguard.operation.name": "PutObject",
      "error.type": "not_found",
      "http.request.resend_count": 1,
    });
    expect(parent?.events).toEqual([]);
  });

  it("with spans: 'operation', names its span without the URL path (no object key in names)", async () => {
    const telemetry = otelTelemetry({ api: otel.api, spans: "operation", meterName: "path-span" });
    await run([], "x", { telemetry, operation: { name: "GET /bucket/secret-key.txt" } });
    const [own] = otel.spans.getFinishedSpans();
    expect(own?.name).toBe("bucketguard GET");
    expect(JSON.stringify(own?.attributes)).not.toContain("secret-key");
  });

  it("with spans: 'operation', ends its span on success", async () => {
    const telemetry = otelTelemetry({ api: otel.api, spans: "operation", meterName: "ok-span" });
    await run([], "x", { telemetry });
    const [own] = otel.spans.getFinishedSpans();
    expect(own?.name).toBe("bucketguard");
    expect(own?.status.code).toBe(0);
  });

  it("counts attempts with no active span, and cuts URL paths out of operation names", async () => {
    const telemetry = otelTelemetry({ api: otel.api, meterName: "no-span" });
    await run([failure("throttling")], "x", {
      telemetry,
      operation: { name: "GET /bucket/secret-key.txt" },
      context: { provider: "r2" },
    });
    expect(otel.spans.getFinishedSpans()).toEqual([]);
    const points = await otel.points("bucketguard.attempts", "no-span");
    expect(points.map((p) => [p.attributes, p.value])).toEqual([
      [
        {
          "bucketguard.attempt.outcome": "retry",
          "bucketguard.provider.name": "r2",
          "bucketguard.operation.name": "GET",
          "error.type": "throttled",
          "bucketguard.retry.class": "throttling",
        },
        1,
      ],
      [
        {
          "bucketguard.attempt.outcome": "success",
          "bucketguard.provider.name": "r2",
          "bucketguard.operation.name": "GET",
        },
        1,
      ],
    ]);
  });

  it("counts no extra attempt for a give-up that comes during a backoff", async () => {
    const telemetry = otelTelemetry({ api: otel.api, meterName: "abort" });
    const controller = new AbortController();
    const clock = createManualClock();
    const script = scripted([failure("throttling")], "x");
    const result = settle(
      withRetry(script.fn, { clock, random: () => 0.5, telemetry, signal: controller.signal }),
    );
    await clock.advance(10);
    controller.abort();
    expect((await result).ok).toBe(false);
    const points = await otel.points("bucketguard.attempts", "abort");
    expect(points.map((p) => [p.attributes["bucketguard.attempt.outcome"], p.value])).toEqual([
      ["retry", 1],
    ]);
  });

  it("reports each budget's tokens and breaker state, named or in order of first use", async () => {
    const telemetry = otelTelemetry({ api: otel.api, meterName: "budgets" });
    const seen = createRetryBudget({ outageThreshold: 1 });
    const named = createRetryBudget({ capacity: 50 });
    telemetry.observeBudget(named, "uploads");
    await run([failure("transient")], "x", { telemetry, budget: seen });
    seen.record({
      result: "failure",
      nowMs: Date.now(),
      probe: false,
      error: failure("transient"),
    });
    const tokens = await otel.points("bucketguard.budget.tokens", "budgets");
    expect(tokens.map((p) => [p.attributes["bucketguard.budget.name"], p.value])).toEqual([
      ["uploads", 50],
      ["budget-1", seen.available],
    ]);
    const states = await otel.points("bucketguard.breaker.state", "budgets");
    const of = (name: string) =>
      Object.fromEntries(
        states
          .filter((p) => p.attributes["bucketguard.budget.name"] === name)
          .map((p) => [p.attributes["bucketguard.breaker.state"], p.value]),
      );
    expect(of("uploads")).toEqual({ closed: 1, open: 0, half_open: 0 });
    expect(of("budget-1")).toEqual({ closed: 0, open: 1, half_open: 0 });
  });

  it("names the gate's states as a circuit breaker's", () => {
    const budget = createRetryBudget({ outageThreshold: 1, outageHoldMs: 100 });
    expect(readBreakerState(budget)).toBe("closed");
    budget.record({ result: "failure", nowMs: 0, probe: false, error: failure("transient") });
    budget.admit(0);
    expect(readBreakerState(budget)).toBe("open");
    expect(budget.admit(100)).toEqual({ verdict: "send", probe: true });
    expect(readBreakerState(budget)).toBe("half_open");
    budget.record({ result: "success", nowMs: 101, probe: true });
    expect(readBreakerState(budget)).toBe("closed");
  });

  it("rejects a wrong api or spans option, naming it", () => {
    expect(() => otelTelemetry({ api: {} as OtelApi })).toThrow(TypeError);
    expect(() => otelTelemetry({ api: {} as OtelApi })).toThrow("`api`");
    expect(() =>
      otelTelemetry({ api: otel.api, spans: "attempt" as unknown as "operation" }),
    ).toThrow("`spans`");
  });
});
