import type { Provider } from "../errors/kinds.js";
import type { GiveUpEvent, RetryBudget, RetryEvent } from "./types.js";

/** What a {@link RetryTelemetry} is told when an operation starts. */
export interface OperationStartEvent {
  /** The operation's name (`GetObject`, `put`, `GET /bucket/key`), when the caller gave one. */
  operation: string | undefined;
  /** The provider, when the caller knows it before any answer (R2, Supabase); else undefined. */
  provider: Provider | undefined;
  /** The retry budget the operation runs under, for gauges of its tokens and breaker state. */
  budget: RetryBudget | undefined;
}

/** Told that an operation succeeded. */
export interface SuccessEvent {
  /** The attempt that succeeded (1-based): `attempt - 1` requests were resends. */
  attempt: number;
  /** The operation's name (`options.operation.name`, else `context.operation`), or undefined. */
  operation: string | undefined;
  /** True when a failed retry was found to have landed after all (a reconciled write). */
  reconciled: boolean;
}

/**
 * Follows one operation from start to end: told each failed attempt that is retried, then
 * exactly one of `success` or `giveUp`. Calls come in order and never overlap.
 */
export interface OperationRecorder {
  /** The operation ends with a value: its attempt succeeded, or a failed retry was reconciled. */
  success(event: SuccessEvent): void;
  /** An attempt failed and the engine waits `delayMs` before the next one. */
  retry(event: RetryEvent): void;
  /** The operation ends on `event.error`, for `event.reason`. */
  giveUp(event: GiveUpEvent): void;
  /** Runs each attempt, for instance inside a tracing context; default: as is. */
  within?<R>(run: () => R): R;
}

/**
 * Where retries are reported: tracing, metrics, logs. Every adapter and `withRetry` accept one as
 * `telemetry` (`bucketguard/otel` makes one for OpenTelemetry). A failing telemetry never
 * changes an operation's outcome.
 */
export interface RetryTelemetry {
  /**
   * Called synchronously when an operation starts (in the caller's async context, so the active
   * span is the caller's); returns the recorder of that operation, or undefined to skip it.
   */
  startOperation(event: OperationStartEvent): OperationRecorder | undefined;
}
