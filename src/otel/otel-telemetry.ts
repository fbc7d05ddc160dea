import type { Attributes, Span, SpanStatusCode } from "@opentelemetry/api";
import type {
  GiveUpEvent,
  OperationRecorder,
  OperationStartEvent,
  RetryBudget,
  RetryEvent,
  RetryTelemetry,
  StorageError,
  SuccessEvent,
} from "../index.js";
import { ATTRIBUTES, NAMES } from "./attribute-names.js";
import { createBudgetGauges } from "./budget-gauges.js";
import type { OtelApi } from "./otel-api.js";

/** Options of {@link otelTelemetry}. */
export interface OtelTelemetryOptions {
  /** The application's `@opentelemetry/api` module (`import * as api from "@opentelemetry/api"`). */
  api: OtelApi;
  /**
   * Name of the meter.
   * @default "bucketguard"
   */
  meterName?: string;
  /**
   * Name of the tracer (used with `spans: "operation"`).
   * @default "bucketguard"
   */
  tracerName?: string;
  /**
   * `"none"`: events go on the span active when the operation starts (the AWS SDK
   * instrumentation's, an HTTP server's); no span of bucketguard's own. `"operation"`: one span
   * per operation, child of the active one, holding the events; its attempts run inside it.
   * @default "none"
   */
  spans?: "none" | "operation";
}

/** What {@link otelTelemetry} returns: a `telemetry` option for every adapter and `withRetry`. */
export interface OtelTelemetry extends RetryTelemetry {
  /**
   * Reports `budget`'s tokens and breaker state under `name`. Budgets seen by an operation are
   * reported without this, named `budget-1`, `budget-2`... in order of first use.
   */
  observeBudget(budget: RetryBudget, name: string): void;
}

/** Buckets of the delay histogram, in seconds: the backoff steps and hints of the default policy. */
const DELAY_BUCKETS_S = [0, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20];

// SpanStatusCode.ERROR, written as its value: the API module is never imported at run time.
const STATUS_ERROR = 2 as SpanStatusCode;

/**
 * Telemetry for OpenTelemetry, from the application's own `@opentelemetry/api` module.
 * Traces: `bucketguard.retry` and `bucketguard.give_up` events and `http.request.resend_count`
 * on the span active when an operation starts. Metrics: the `bucketguard.attempts` counter, the
 * `bucketguard.retry.delay` histogram (seconds), and per budget the `bucketguard.budget.tokens`
 * and `bucketguard.breaker.state` gauges.
 */
export function otelTelemetry(options: OtelTelemetryOptions): OtelTelemetry {
  const { api } = options;
  if (
    typeof api?.trace?.getActiveSpan !== "function" ||
    typeof api.metrics?.getMeter !== "function"
  ) {
    throw new TypeError("Expected `api` to be the @opentelemetry/api module.");
  }
  const spans = options.spans ?? "none";
  if (spans !== "none" && spans !== "operation") {
    throw new TypeError(`Expected \`spans\` to be "none" or "operation", got ${String(spans)}.`);
  }
  const meter = api.metrics.getMeter(options.meterName ?? "bucketguard");
  const tracer = api.trace.getTracer(options.tracerName ?? "bucketguard");
  const attempts = meter.createCounter(NAMES.attempts, {
    description: "Attempts of storage operations, by how each ended.",
    unit: "{attempt}",
  });
  const delays = meter.createHistogram(NAMES.retryDelay, {
    description: "Backoff chosen before a retry.",
    unit: "s",
    advice: { explicitBucketBoundaries: DELAY_BUCKETS_S },
  });
  const gauges = createBudgetGauges(meter);

  const startSpan = (operation: string | undefined): Span => {
    const name = operation === undefined ? "bucketguard" : `bucketguard ${operation}`;
    const attributes: Attributes = {};
    if (operation !== undefined) attributes[ATTRIBUTES.operation] = operation;
    return tracer.startSpan(name, { attributes }, api.context.active());
  };

  return {
    observeBudget(budget, name) {
      gauges.observe(budget, name);
    },
    startOperation(start: OperationStartEvent): OperationRecorder {
      if (start.budget !== undefined) gauges.observe(start.budget);
      const operation = metricOperation(start.operation);
      const own = spans === "operation" ? startSpan(operation) : undefined;
      const active = own ?? api.trace.getActiveSpan();
      const span = active?.isRecording() === true ? active : undefined;
      let provider = start.provider;
      let countedAttempts = 0;

      const count = (outcome: string, attempt: number, error?: StorageError, reason?: string) => {
        const attributes: Attributes = { [ATTRIBUTES.outcome]: outcome };
        if (provider !== undefined) attributes[ATTRIBUTES.provider] = provider;
        if (operation !== undefined) attributes[ATTRIBUTES.operation] = operation;
        if (error !== undefined) {
          attributes[ATTRIBUTES.errorType] = error.kind;
          attributes[ATTRIBUTES.retryClass] = error.retry;
        }
        if (reason !== undefined) attributes[ATTRIBUTES.giveUpReason] = reason;
        attempts.add(1, attributes);
        countedAttempts = attempt;
      };

      const recorder: OperationRecorder = {
        success(event: SuccessEvent) {
          count("success", event.attempt);
          own?.end();
        },
        retry(event: RetryEvent) {
          provider ??= event.error.provider;
          count("retry", event.attempt, event.error);
          const delayS = event.delayMs / 1000;
          const delayAttributes: Attributes = { [ATTRIBUTES.retryClass]: event.retry };
          if (provider !== undefined) delayAttributes[ATTRIBUTES.provider] = provider;
          if (operation !== undefined) delayAttributes[ATTRIBUTES.operation] = operation;
          delays.record(delayS, delayAttributes);
          if (span === undefined) return;
          span.addEvent(NAMES.retryEvent, {
            [ATTRIBUTES.attemptNumber]: event.attempt,
            [ATTRIBUTES.retryDelay]: delayS,
            ...describeError(event.error),
          });
          span.setAttribute(ATTRIBUTES.resendCount, event.attempt);
        },
        giveUp(event: GiveUpEvent) {
          provider ??= event.error.provider;
          // A give-up while waiting (a deadline during a hold, an abort during a backoff) ends
          // no attempt of its own: its last attempt was already counted as a retry.
          if (event.attempt > countedAttempts) {
            count("give_up", event.attempt, event.error, event.reason);
          }
          if (span !== undefined) {
            span.addEvent(NAMES.giveUpEvent, {
              [ATTRIBUTES.giveUpReason]: event.reason,
              [ATTRIBUTES.attemptCount]: event.attempt,
              ...describeError(event.error),
            });
          }
          if (own !== undefined) {
            own.setAttribute(ATTRIBUTES.errorType, event.error.kind);
            own.setStatus({ code: STATUS_ERROR, message: event.error.code });
            own.end();
          }
        },
      };
      if (own !== undefined) {
        const context = api.trace.setSpan(api.context.active(), own);
        recorder.within = <R>(run: () => R): R => api.context.with(context, run);
      }
      return recorder;
    },
  };
}

function describeError(error: StorageError): Attributes {
  const attributes: Attributes = {
    [ATTRIBUTES.errorType]: error.kind,
    [ATTRIBUTES.retryClass]: error.retry,
    [ATTRIBUTES.errorCode]: error.code,
    [ATTRIBUTES.provider]: error.provider,
  };
  if (error.status !== undefined) attributes[ATTRIBUTES.statusCode] = error.status;
  return attributes;
}

/**
 * The operation as metrics and span names carry it: a fetch adapter's `GET /bucket/key` becomes
 * `GET`, so object keys (user data, unbounded in number) never become names or attribute values.
 */
function metricOperation(operation: string | undefined): string | undefined {
  if (operation === undefined) return undefined;
  const match = /^([A-Z]+) \//.exec(operation);
  return match?.[1] ?? operation;
}
