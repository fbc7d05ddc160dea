import type { Provider, RetryOptions, RetrySettings } from "../../index.js";
import type { PresignContext } from "../http/guard-http.js";
import type { RetryPostOption } from "./classify-method.js";

/**
 * Options of the fetch `guardFetch`. The retry settings are the engine's (see `withRetry`),
 * checked when the guard is made; a wrong option throws a TypeError or RangeError naming it.
 */
export interface GuardFetchOptions
  extends RetrySettings,
    Pick<RetryOptions<Response>, "refreshCredentials" | "onClockSkew"> {
  /**
   * Who answers, when known.
   * @default undefined (detected from each response's headers and body)
   */
  provider?: Provider;
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
   * Whether POSTs other than DeleteObjects may be repeated: all (`true`), none, or those a
   * predicate accepts.
   * @default false
   */
  retryPost?: RetryPostOption;
  /**
   * Signs each attempt (for instance `(request) => aws.sign(request)` with aws4fetch), so every
   * retry carries a fresh X-Amz-Date.
   * @default undefined (requests are sent as given)
   */
  presign?: (request: Request, context: PresignContext) => Request | Promise<Request>;
  /**
   * Throw the final error as a StorageError instead of returning the error response.
   * @default false
   */
  throwOnError?: boolean;
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
export type FetchGuardOptions = GuardFetchOptions;
