import type { RetrySettings } from "../../index.js";
import type { BodyFactory } from "./replay-body.js";

/**
 * Options of {@link bucketguard}. Retry settings are the engine's (see `withRetry`); the
 * plugin adds what only the SDK side can do.
 */
export interface BucketguardOptions extends RetrySettings {
  /**
   * Attempts in total, the first included. Default 6 (`DEFAULT_SDK_MAX_ATTEMPTS`). The client's own
   * `maxAttempts` config is ignored (the SDK's default 3 looks like an explicit 3): set it here.
   */
  maxAttempts?: number;
  /**
   * Largest streaming request body buffered so it can be sent again, in bytes. Default 8 MiB
   * ({@link DEFAULT_MAX_REPLAY_BYTES}). A longer stream is sent once, whole, and not retried.
   */
  maxReplayBytes?: number;
  /** Makes a fresh body for a retried streaming upload, instead of buffering it. */
  bodyFactory?: BodyFactory;
  /** Continue a GetObject body that dies mid-download with Range + If-Match. Default true. */
  resumeDownloads?: boolean;
  /** Resumptions allowed per download. Default 3. */
  maxResumes?: number;
  /**
   * Longest time an attempt may make no progress, in milliseconds: no response yet (plus the
   * time to send the request body at 64 KiB/s), or no GetObject body bytes while they are being
   * read. Then the request is cancelled and the attempt fails as a transient `timeout` (retried),
   * or the download resumes from the last byte received. `Infinity` turns it off.
   * @default 30000 ({@link DEFAULT_STALL_TIMEOUT_MS})
   */
  stallTimeoutMs?: number;
  /**
   * Refreshes credentials before the single `credentials` retry (ExpiredToken). Default: the
   * client's credential provider called with `{ forceRefresh: true }`. `false` disables it.
   */
  refreshCredentials?: false | (() => void | Promise<void>);
}
