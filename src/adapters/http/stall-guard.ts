import { type Clock, StorageError } from "../../index.js";

/** Default of `stallTimeoutMs`: 30 s without progress. */
export const DEFAULT_STALL_TIMEOUT_MS = 30_000;

/** Slowest upload assumed before a response is due (its time is added to the no-response limit). */
const MIN_UPLOAD_BYTES_PER_SECOND = 64 * 1024;

/** Throws a RangeError naming the option unless it is a positive number (`Infinity` allowed). */
export function checkStallTimeout(value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== "number" || Number.isNaN(value) || value <= 0) {
    throw new RangeError(
      `bucketguard: stallTimeoutMs must be a positive number of milliseconds (Infinity for none), got ${String(value)}`,
    );
  }
}

/** The time a request may wait for its response: the stall limit plus the body's upload time. */
export function responseLimitMs(stallMs: number, bodyBytes: number | undefined): number {
  if (bodyBytes === undefined || bodyBytes <= 0) return stallMs;
  return stallMs + Math.ceil((bodyBytes / MIN_UPLOAD_BYTES_PER_SECOND) * 1000);
}

/** The error of a response or body that made no progress for `ms`: a transient `timeout`. */
export function stallError(what: "response" | "body", ms: number, operation: string): StorageError {
  return new StorageError({
    kind: "timeout",
    code: "TimeoutError",
    name: "TimeoutError",
    message:
      what === "response"
        ? `No response within ${ms} ms (stallTimeoutMs)`
        : `The response body made no progress for ${ms} ms (stallTimeoutMs)`,
    retry: "transient",
    provider: "unknown",
    operation,
  });
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * A copy of `response` whose body fails with a `timeout` (and aborts the request through
 * `abort`) when a read waits `ms` for bytes. Time the reader spends not reading does not count.
 */
export function guardBody(
  response: Response,
  ms: number,
  clock: Clock,
  abort: (reason: StorageError) => void,
  operation: string,
): Response {
  const source = response.body;
  if (source === null || !Number.isFinite(ms) || NULL_BODY_STATUSES.has(response.status)) {
    return response;
  }
  const reader = source.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let stalled: StorageError | undefined;
      const cancel = clock.setTimer(() => {
        stalled = stallError("body", ms, operation);
        abort(stalled);
        reader.cancel(stalled).catch(() => undefined);
      }, ms);
      try {
        const { done, value } = await reader.read();
        if (stalled) controller.error(stalled);
        else if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(stalled ?? error);
      } finally {
        cancel();
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const guarded = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // `url` and `redirected` are read-only getters a Response built by hand leaves empty.
  Object.defineProperties(guarded, {
    url: { value: response.url },
    redirected: { value: response.redirected },
  });
  return guarded;
}
