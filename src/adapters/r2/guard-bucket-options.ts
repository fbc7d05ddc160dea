import type { RetryOptions, RetrySettings } from "../../index.js";
import type { R2BodyValue } from "./r2-types.js";

/** Default spacing of writes to one key, in milliseconds: R2 allows one write per second per key. */
export const DEFAULT_WRITE_INTERVAL_MS = 1000;

/**
 * Default largest ReadableStream body buffered so it can be replayed, in bytes: 1 MiB, where the
 * other adapters buffer 8 MiB. A Worker has 128 MB of memory for all its concurrent requests, so
 * a guarded bucket keeps less; raise it per call site when the Worker's traffic allows.
 */
export const DEFAULT_MAX_REPLAY_BYTES = 1024 * 1024;

/** Default subrequest budget of one guarded bucket: the Workers Paid plan's 1000 per request. */
export const DEFAULT_SUBREQUEST_LIMIT = 1000;

/** Retry settings `guardBucket` passes to the engine for every operation. */
export type GuardRetryOptions = RetrySettings & Pick<RetryOptions, "signal">;

/**
 * Options of `guardBucket`. The retry settings are the engine's (see `withRetry`), checked when
 * the bucket is guarded; a wrong option throws a TypeError or RangeError naming it. There is no
 * `stallTimeoutMs`: the binding is not an HTTP stream the adapter could watch.
 */
export interface GuardBucketOptions extends GuardRetryOptions {
  /**
   * A retry budget and circuit breaker, shared by the buckets guarded with it. None by default,
   * unlike the other adapters: a guarded bucket lives for one Worker request, too short to judge
   * the endpoint, and `subrequestLimit` bounds its calls. Share one across requests (a module
   * scope `createRetryBudget()`) to get one.
   * @default undefined
   */
  budget?: GuardRetryOptions["budget"];
  /**
   * Least time between the starts of two writes (put, delete, multipart complete) to the same key
   * through this guarded bucket, in milliseconds; writes to one key also run one at a time.
   * R2 answers 10058 beyond one write per second per key; 0 turns pacing off.
   * @default 1000 (`DEFAULT_WRITE_INTERVAL_MS`)
   */
  writeIntervalMs?: number;
  /**
   * Largest ReadableStream body read into memory so a failed put or uploadPart can be replayed,
   * in bytes. A longer stream is sent once, unbuffered, and not retried
   * (`gaveUp: "body_not_replayable"`). 0 never buffers.
   * @default 1048576 (1 MiB, `DEFAULT_MAX_REPLAY_BYTES`; see there why not 8 MiB)
   */
  maxReplayBytes?: number;
  /**
   * Makes a fresh body for a retry of a put whose value is a ReadableStream (the failed attempt
   * consumed it). When set, stream bodies of puts are never buffered.
   * @default undefined (streams are buffered up to `maxReplayBytes`)
   */
  bodyFactory?: (key: string) => R2BodyValue;
  /**
   * What a put or get whose `onlyIf` is not met gives: `"null"` (like R2: put returns null, get
   * an object without body) or `"error"` (a `precondition_failed` StorageError).
   * @default "null"
   */
  preconditionFailed?: "null" | "error";
  /**
   * Calls to the binding this guarded bucket may make, retries and reconciliation included
   * (Workers Paid allows 1000; the Free plan 50). Counted per guarded bucket: guard the binding
   * inside the request handler so the count is per request, like the platform's.
   * @default 1000 (`DEFAULT_SUBREQUEST_LIMIT`)
   */
  subrequestLimit?: number;
}
