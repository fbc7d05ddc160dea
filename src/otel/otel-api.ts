import type { Context, Meter, Span, Tracer } from "@opentelemetry/api";

/**
 * The part of the `@opentelemetry/api` module bucketguard uses: pass the module itself
 * (`import * as api from "@opentelemetry/api"`). Typed by shape, so any 1.x copy fits and
 * nothing is imported at run time.
 */
export interface OtelApi {
  /** Tracing: retry and give-up events go on a span. */
  readonly trace: {
    /** The caller's span, which gets the events when `spans` is `"none"`. */
    getActiveSpan(): Span | undefined;
    /** The tracer that starts one span per operation when `spans` is `"operation"`. */
    getTracer(name: string, version?: string): Tracer;
    /** Makes the operation's span the active one for its attempts. */
    setSpan(context: Context, span: Span): Context;
  };
  /** Context propagation, so each attempt runs under the operation's span. */
  readonly context: {
    /** The caller's context, parent of the operation's span. */
    active(): Context;
    /** Runs an attempt inside the operation's span's context. */
    with<R>(context: Context, fn: () => R): R;
  };
  /** Metrics: the attempt counter, the retry-delay histogram and the budget gauges. */
  readonly metrics: {
    /** The meter every instrument is created on. */
    getMeter(name: string, version?: string): Meter;
  };
}
