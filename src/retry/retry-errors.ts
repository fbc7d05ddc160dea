import type { NormalizeContext } from "../errors/context.js";
import type { RetryClass } from "../errors/kinds.js";
import { StorageError } from "../errors/storage-error.js";

interface Origin {
  context?: NormalizeContext | undefined;
  operation?: string | undefined;
}

/** The error surfaced when the caller's signal aborts: kind `aborted`, name `AbortError`. */
export function createAbortedError(origin: Origin, cause: unknown): StorageError {
  return new StorageError({
    kind: "aborted",
    code: "AbortError",
    name: "AbortError",
    message: "The operation was aborted by the caller.",
    retry: "never",
    provider: origin.context?.provider ?? "unknown",
    operation: origin.operation,
    cause,
  });
}

/** The error of an attempt cut short by its own timeout or the deadline: a transient `timeout`. */
export function createTimeoutError(
  origin: Origin,
  timeoutMs: number,
  cause: unknown,
): StorageError {
  return new StorageError({
    kind: "timeout",
    code: "TimeoutError",
    name: "TimeoutError",
    message: `The attempt timed out after ${timeoutMs} ms.`,
    retry: "transient",
    provider: origin.context?.provider ?? "unknown",
    operation: origin.operation,
    cause,
  });
}

/** The error surfaced when an outage hold would outlast the deadline before any attempt failed. */
export function createHeldError(origin: Origin, retry: RetryClass = "transient"): StorageError {
  return new StorageError({
    kind: "unavailable",
    code: "EndpointUnavailable",
    message:
      "Not attempted: the retry budget holds requests while the endpoint looks down, past the deadline.",
    retry,
    provider: origin.context?.provider ?? "unknown",
    operation: origin.operation,
  });
}
