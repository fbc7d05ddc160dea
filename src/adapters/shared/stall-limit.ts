import { type Clock, StorageError } from "../../index.js";

/** Default of `stallTimeoutMs`: 30 s without progress. */
export const DEFAULT_STALL_TIMEOUT_MS = 30_000;

/**
 * Slowest upload assumed before a response is due: the time to send a request body at this rate
 * is added to the no-response limit, so a large upload on a slow link is not cut short.
 */
export const MIN_UPLOAD_BYTES_PER_SECOND = 64 * 1024;

/** Throws a RangeError naming the option unless it is a positive number (`Infinity` allowed). */
export function checkStallTimeout(value: unknown): void {
  if (value !== undefined && (typeof value !== "number" || !(value > 0))) {
    throw new RangeError(
      `Expected \`stallTimeoutMs\` to be a duration > 0 ms (Infinity for none), got ${String(value)}.`,
    );
  }
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
): StorageError {
  const message =
    what === "response" ? "No response within" : "The response body made no progress for";
  return new StorageError({
    kind: "timeout",
    code: "TimeoutError",
    message: `${message} ${ms} ms (stallTimeoutMs)`,
    retry: "transient",
    provider: "unknown",
    operation,
  });
}

/** A request's wait for its response, aborted with a `response` stall error after `ms`. */
export interface ResponseStall {
  controller: AbortController;
  /** Stops the timer once the response came. */
  cancel: () => void;
}

/** Starts the wait for a response of `operation`; undefined when `ms` is `Infinity` (no limit). */
export function startResponseStall(
  clock: Clock,
  ms: number,
  operation: string,
): ResponseStall | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const controller = new AbortController();
  const abort = () => controller.abort(stallError("response", ms, operation));
  return { controller, cancel: clock.setTimer(abort, ms) };
}
