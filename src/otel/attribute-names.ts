/**
 * The attribute names bucketguard writes. Names from the OpenTelemetry semantic conventions'
 * registry where one means the same thing (`error.type`, `http.request.resend_count`,
 * `http.response.status_code`); the rest are bucketguard's own, under its `bucketguard.`
 * namespace, as the conventions ask of names they do not define.
 */
export const ATTRIBUTES = Object.freeze({
  /** Semantic conventions: the error's class; bucketguard's `kind` (`throttled`, `network`...). */
  errorType: "error.type",
  /** Semantic conventions: the number of times the request was sent again. */
  resendCount: "http.request.resend_count",
  /** Semantic conventions: the HTTP status of the failed attempt, when it had one. */
  statusCode: "http.response.status_code",
  /** `aws`, `r2`, `supabase`, `ibm`, `yandex`, `ceph`, `s3-compatible`, `unknown`. */
  provider: "bucketguard.provider.name",
  /** `GetObject`, `put`, `POST /object/list`; a method alone for names that carry a URL path. */
  operation: "bucketguard.operation.name",
  /** `success`, `retry` (failed, then tried again), `give_up` (failed, and the last). */
  outcome: "bucketguard.attempt.outcome",
  /** The failed attempt, 1-based. */
  attemptNumber: "bucketguard.attempt.number",
  /** Attempts made when the operation gave up. */
  attemptCount: "bucketguard.attempt.count",
  /** The retry class: `throttling`, `transient`, `clock_skew`, ... */
  retryClass: "bucketguard.retry.class",
  /** The wait before the next attempt, in seconds. */
  retryDelay: "bucketguard.retry.delay",
  /** The canonical error code (`SlowDown`, `NoSuchKey`). */
  errorCode: "bucketguard.error.code",
  /** Why the operation gave up: `max_attempts`, `deadline`, `budget`, ... */
  giveUpReason: "bucketguard.give_up.reason",
  /** Which retry budget a gauge reads. */
  budgetName: "bucketguard.budget.name",
  /** A breaker state: `closed`, `open`, `half_open`. */
  breakerState: "bucketguard.breaker.state",
} as const);

/** Metric and event names (all bucketguard's own: no convention covers client retries). */
export const NAMES = Object.freeze({
  /** Counter of attempts (`{attempt}`), by outcome, provider, operation and error. */
  attempts: "bucketguard.attempts",
  /** Histogram of the wait chosen before each retry, in seconds. */
  retryDelay: "bucketguard.retry.delay",
  /** Observable gauge of the tokens left in each retry budget. */
  budgetTokens: "bucketguard.budget.tokens",
  /** Observable gauge of each budget's breaker: 1 for its current state, 0 for the others. */
  breakerState: "bucketguard.breaker.state",
  /** Span event added before each retry's wait. */
  retryEvent: "bucketguard.retry",
  /** Span event added when an operation gives up. */
  giveUpEvent: "bucketguard.give_up",
} as const);
