import { StorageError } from "../../index.js";

/** Default of `stallTimeoutMs`: 30 s without progress. */
export const DEFAULT_STALL_TIMEOUT_MS = 30_000;

/**
 * Slowest upload assumed before a response is due: the time to send a request body at this rate
 * is added to the no-response limit, so a large upload on a slow link is not cut short.
 */
export const MIN_UPLOAD_BYTES_PER_SECOND = 64 * 1024;

/** Throws a RangeError naming the option unless it is a positive number (`Infinity` allowed). */
export function checkStallTimeout(value: unknown, name = "stallTimeoutMs"): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || Number.isNaN(value) || value <= 0) {
    throw new RangeError(
      `bucketguard: ${name} must be a positive number of milliseconds (Infinity for none), got ${String(value)}`,
    );
  }
  return value;
}

/** The time a request may wait for its response: the stall limit plus the body's upload time. */
export function responseLimitMs(stallMs: number, bodyBytes: number | undefined): number {
  if (bodyBytes === undefined || !Number.isFinite(bodyBytes) || bodyBytes <= 0) return stallMs;
  return stallMs + Math.ceil((bodyBytes / MIN_UPLOAD_BYTES_PER_SECOND) * 1000);
}

/** The error of an attempt or a body that made no progress for `ms`: a transient `timeout`. */
export function stallError(
  what: "response" | "body",
  ms: number,
  operation: string | undefined,
  cause?: unknown,
): StorageError {
  const message =
    what === "response"
      ? `No response within ${ms} ms (stallTimeoutMs)`
      : `The response body made no progress for ${ms} ms (stallTimeoutMs)`;
  return new StorageError({
    kind: "timeout",
    code: "TimeoutError",
    name: "TimeoutError",
    message,
    retry: "transient",
    provider: "unknown",
    operation,
    cause,
  });
}
