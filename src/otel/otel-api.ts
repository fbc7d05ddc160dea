import type { Context, Meter, Span, Tracer } from "@opentelemetry/api";

/**
 * The part of the `@opentelemetry/api` module bucketguard uses: pass the module itself
 * (`import * as api from "@opentelemetry/api"`). Typed by shape, so any 1.x copy fits and
 * nothing is imported at run time.
 */
export interface OtelApi {
  readonly trace: {
    getActiveSpan(): Span | undefined;
    getTracer(name: string, version?: string): Tracer;
    setSpan(context: Context, span: Span): Context;
  };
  readonly context: {
    active(): Context;
    with<R>(context: Context, fn: () => R): R;
  };
  readonly metrics: {
    getMeter(name: string, version?: string): Meter;
  };
}
