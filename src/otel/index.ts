// bucketguard/otel: retry telemetry for OpenTelemetry, from the application's own API module.
export { ATTRIBUTES, NAMES } from "./attribute-names.js";
export { MAX_AUTO_BUDGETS } from "./budget-gauges.js";
export type { OtelApi } from "./otel-api.js";
export type { OtelTelemetry, OtelTelemetryOptions } from "./otel-telemetry.js";
export { otelTelemetry } from "./otel-telemetry.js";
