import type { RetrySettings } from "../../index.js";
import type { BodyFactory } from "./replay-body.js";

/**
 * Options of {@link bucketguard}. Retry settings are the engine's (see `withRetry`), checked
 * when the plugin is made; a wrong option throws a TypeError or RangeError naming it. The plugin
 * adds what only the SDK side can do.
 */
export interface BucketguardOptions extends RetrySettings {
  /**
   * Attempts in total, the first included. The client's own `maxAttempts` config is ignored (the
   * SDK's default 3 looks like an explicit 3): set it here. 6 where the other adapters keep the
   * policy's 3: the plugin replaces the SDK's own retry loop, which callers count on, and at 20%
   * independent faults 3 attempts leave 0.8% of operations failing, 6 leave 0.006%.
   * @default 6 (`DEFAULT_SDK_MAX_ATTEMPTS`)
   */
  maxAttempts?: number;
  /**
   * The client's retry budget and circuit breaker. Only this adapter makes one by default: one
   * plugin serves one client for its lifetime, so the budget sees all of its traffic.
   * @default createRetryBudget(), one per client the plugin is added to
   */
  budget?: RetrySettings["budget"];
  /**
   * Largest streaming request body buffered so it can be sent again, in bytes. A longer stream
   * is sent once, whole, and not retried.
   * @default 8388608 (8 MiB, {@link DEFAULT_MAX_REPLAY_BYTES})
   */
  maxReplayBytes?: number;
  /**
   * Makes a fresh body for a retried streaming upload, instead of buffering it.
   * @default undefined (streams are buffered up to `maxReplayBytes`)
   */
  bodyFactory?: BodyFactory;
  /**
   * Continue a GetObject body that dies mid-download with Range + If-Match.
   * @default true
   */
  resumeDownloads?: boolean;
  /**
   * Resumptions allowed per download. A resume spends what is left of the operation's
   * `maxAttempts` (at least one request each), so a download sends at most `maxAttempts`
   * requests, plus one per resume once those are spent.
   * @default 3
   */
  maxResumes?: number;
  /**
   * Longest time an attempt may make no progress, in milliseconds: no response yet (plus the
   * time to send the request body at 64 KiB/s), no bytes of a body S3 holds open after its 200
   * (CopyObject, UploadPartCopy, CompleteMultipartUpload), or no GetObject body bytes while they
   * are being read. Then the request is cancelled and the attempt fails as a transient `timeout`
   * (retried), or the download resumes from the last byte received. `Infinity` turns it off.
   * @default 30000 ({@link DEFAULT_STALL_TIMEOUT_MS})
   */
  stallTimeoutMs?: number;
  /**
   * Refreshes credentials before the single `credentials` retry (ExpiredToken). `false`
   * disables it.
   * @default the client's credential provider, called with `{ forceRefresh: true }`
   */
  refreshCredentials?: false | (() => void | Promise<void>);
}
