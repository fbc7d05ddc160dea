import type { RetrySettings } from "../../index.js";

/**
 * Options of the Supabase `guardFetch`. The retry settings are the engine's (see `withRetry`),
 * checked when the guard is made; a wrong option throws a TypeError or RangeError naming it.
 */
export interface GuardFetchOptions extends RetrySettings {
  /**
   * The retry budget and circuit breaker of every request through this guarded fetch (make one
   * guarded fetch per client, as with the AWS SDK plugin).
   * @default createRetryBudget(), one per guarded fetch
   */
  budget?: RetrySettings["budget"];
  /**
   * Largest streamed request body buffered so it can be re-sent, in bytes. A longer stream is
   * sent once, whole, and not retried.
   * @default 8388608 (8 MiB, `DEFAULT_MAX_REPLAY_BYTES`)
   */
  maxReplayBytes?: number;
  /**
   * Whether a retried upload (POST without `x-upsert: true`) refused as "already exists" is
   * checked against the object's info, and answered as a success when the earlier attempt
   * stored it. False never retries such uploads.
   * @default true
   */
  reconcileUploads?: boolean;
  /**
   * Longest time a request may make no progress, in milliseconds: no response yet (plus the time
   * to send a body of known size at 64 KiB/s), or no body bytes while a read waits for them.
   * Then the request is aborted and fails as a transient `timeout`: retried before the response
   * is returned, an error from the body's reader after. `Infinity` turns it off.
   * @default 30000 (`DEFAULT_STALL_TIMEOUT_MS`)
   */
  stallTimeoutMs?: number;
}

/** @deprecated Renamed {@link GuardFetchOptions}, after the function. */
export type SupabaseGuardOptions = GuardFetchOptions;
