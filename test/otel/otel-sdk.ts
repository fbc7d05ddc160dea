import { AsyncLocalStorage } from "node:async_hooks";
import * as api from "@opentelemetry/api";
import {
  AggregationTemporality,
  type DataPoint,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from "@opentelemetry/sdk-metrics";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";

/** A context manager on AsyncLocalStorage, so the active span follows awaits (as in Node SDKs). */
class AsyncLocalContextManager implements api.ContextManager {
  readonly #storage = new AsyncLocalStorage<api.Context>();

  active(): api.Context {
    return this.#storage.getStore() ?? api.ROOT_CONTEXT;
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    context: api.Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    return this.#storage.run(context, () => fn.apply(thisArg, args));
  }

  bind<T>(context: api.Context, target: T): T {
    if (typeof target !== "function") return target;
    const run = (...args: unknown[]): unknown => this.with(context, () => target(...args));
    return run as T;
  }

  enable(): this {
    return this;
  }

  disable(): this {
    this.#storage.disable();
    return this;
  }
}

/** The real OpenTelemetry SDKs with in-memory exporters, registered as the global providers. */
export function installOtelSdk() {
  const spans = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(spans)],
  });
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  // Exports only when flushed: the interval never comes within a test.
  const reader = new PeriodicExportingMetricReader({
    exporter: metricExporter,
    exportIntervalMillis: 3_600_000,
  });
  const meterProvider = new MeterProvider({ readers: [reader] });
  api.context.setGlobalContextManager(new AsyncLocalContextManager());
  api.trace.setGlobalTracerProvider(tracerProvider);
  api.metrics.setGlobalMeterProvider(meterProvider);

  /** The data points of metric `name` at this moment (cumulative), of meter `meterName` if given. */
  const points = async (name: string, meterName?: string): Promise<DataPoint<unknown>[]> => {
    metricExporter.reset();
    await reader.forceFlush();
    const found = metricExporter
      .getMetrics()
      .flatMap((resource) => resource.scopeMetrics)
      .filter((scope) => meterName === undefined || scope.scope.name === meterName)
      .flatMap((scope) => scope.metrics)
      .filter((metric) => metric.descriptor.name === name);
    return found.flatMap((metric) => metric.dataPoints as DataPoint<unknown>[]);
  };

  const shutdown = async (): Promise<void> => {
    await meterProvider.shutdown();
    await tracerProvider.shutdown();
    api.trace.disable();
    api.metrics.disable();
    api.context.disable();
  };
  return { api, spans, points, metricExporter, shutdown };
}
