import type { NormalizeContext } from "../errors/context.js";
import { StorageError } from "../errors/storage-error.js";

/** Where an engine-made error comes from. */
export interface Origin {
  context?: NormalizeContext | undefined;
  operation?: string | undefined;
}

/** The error surfaced when the caller's signal aborts: kind `aborted`, code `AbortError`. */
export function createAbortedError(origin: Origin, cause: unknown): StorageError {
  return new StorageError({
    kind: "aborted",
    code: "AbortError",
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
    message: `The attempt timed out after ${timeoutMs} ms.`,
    retry: "transient",
    provider: origin.context?.provider ?? "unknown",
    operation: origin.operation,
    cause,
  });
}

/**
 * The error surfaced when a call is not sent because its budget holds or paces the endpoint:
 * kind `unavailable`, `message` saying why, its `cause` the last real failure seen.
 */
export function createHeldError(
  origin: Origin,
  cause: StorageError | undefined,
  message = "Not attempted: the deadline came first (the retry budget was holding or pacing requests).",
): StorageError {
  return new StorageError({
    kind: "unavailable",
    code: "EndpointUnavailable",
    message,
    retry: cause?.retry === "throttling" ? "throttling" : "transient",
    provider: cause?.provider ?? origin.context?.provider ?? "unknown",
    operation: origin.operation,
    cause,
  });
}
