import type { RetryOptions, RetrySettings } from "../../index.js";
import type { R2BodyValue } from "./r2-types.js";

/** Default spacing of writes to one key, in milliseconds: R2 allows one write per second per key. */
export const DEFAULT_WRITE_INTERVAL_MS = 1000;

/** Default largest ReadableStream body buffered so it can be replayed, in bytes (1 MiB). */
export const DEFAULT_MAX_REPLAY_BYTES = 1024 * 1024;

/** Default subrequest budget of one guarded bucket: the Workers Paid plan's 1000 per request. */
export const DEFAULT_SUBREQUEST_LIMIT = 1000;

/** Retry settings `guardBucket` passes to the engine for every operation. */
export type GuardRetryOptions = RetrySettings & Pick<RetryOptions, "signal">;

/** Options of `guardBucket`. */
export interface GuardBucketOptions extends GuardRetryOptions {
  /**
   * Least time between the starts of two writes (put, delete, multipart complete) to the same key
   * through this guarded bucket, in milliseconds; writes to one key also run one at a time.
   * Default 1000 (R2 answers 10058 beyond one write per second per key); 0 turns pacing off.
   */
  writeIntervalMs?: number;
  /**
   * Largest ReadableStream body read into memory so a failed put or uploadPart can be replayed,
   * in bytes. Default 1 MiB. A longer stream is sent once, unbuffered, and not retried
   * (`gaveUp: "body_not_replayable"`). 0 never buffers.
   */
  maxReplayBytes?: number;
  /**
   * Makes a fresh body for a retry of a put whose value is a ReadableStream (the failed attempt
   * consumed it). When set, stream bodies of puts are never buffered.
   */
  bodyFactory?: (key: string) => R2BodyValue;
  /**
   * What a put or get whose `onlyIf` is not met gives: `"null"` (default, like R2: put returns
   * null, get an object without body) or `"error"` (a `precondition_failed` StorageError).
   */
  preconditionFailed?: "null" | "error";
  /**
   * Calls to the binding this guarded bucket may make, retries and reconciliation included.
   * Default 1000 (Workers Paid; 50 on the Free plan). Counted per guarded bucket: guard the
   * binding inside the request handler so the count is per request, like the platform's.
   */
  subrequestLimit?: number;
}
