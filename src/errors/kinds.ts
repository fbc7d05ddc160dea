/** Every kind a {@link StorageError} can have: switch on `err.kind`. */
export const STORAGE_ERROR_KINDS = [
  "not_found",
  "already_exists",
  "conflict",
  "precondition_failed",
  "not_modified",
  "unauthenticated",
  "access_denied",
  "invalid_request",
  "too_large",
  "quota_exceeded",
  "range_not_satisfiable",
  "locked",
  "throttled",
  "unavailable",
  "server_error",
  "timeout",
  "network",
  "clock_skew",
  "redirect",
  "not_implemented",
  "aborted",
  "unknown",
] as const;

export type StorageErrorKind = (typeof STORAGE_ERROR_KINDS)[number];

/** How (and whether) repeating the failed call can help. */
export const RETRY_CLASSES = [
  "throttling",
  "transient",
  "clock_skew",
  "credentials",
  "conflict",
  "redirect",
  "never",
] as const;

export type RetryClass = (typeof RETRY_CLASSES)[number];

/**
 * Who answered. `ceph` is Ceph's RADOS Gateway (radosgw); `s3-compatible` is any other S3
 * dialect (MinIO, ...).
 */
export const PROVIDERS = [
  "aws",
  "r2",
  "supabase",
  "ibm",
  "yandex",
  "ceph",
  "s3-compatible",
  "unknown",
] as const;

export type Provider = (typeof PROVIDERS)[number];

/**
 * Why a retry loop stopped and surfaced its last error. `endpoint_down`: the retry budget's
 * breaker is open (the endpoint has been down longer than its `openAfterMs`), so the call failed
 * at once with kind `unavailable`, its `cause` the last real failure.
 */
export type GaveUpReason =
  | "not_retryable"
  | "max_attempts"
  | "deadline"
  | "budget"
  | "not_idempotent"
  | "body_not_replayable"
  | "aborted"
  | "endpoint_down";

/** What a not_found error was missing. */
export type MissingResource =
  | "bucket"
  | "key"
  | "upload"
  | "version"
  | "configuration"
  | "policy"
  | "tag_set"
  | "tenant"
  | "unknown";

/** One failed attempt of a retried operation. */
export interface AttemptRecord {
  /** 1-based attempt number. */
  readonly attempt: number;
  readonly kind: StorageErrorKind;
  readonly code: string;
  readonly status?: number | undefined;
  /** Wait before the next attempt, in milliseconds (0 for the last). */
  readonly delayMs: number;
}

/** Fields only some kinds carry; `switch (err.kind)` narrows to them. */
export interface KindDetails {
  not_found: {
    readonly resource?: MissingResource | undefined;
    readonly bucket?: string | undefined;
    readonly key?: string | undefined;
    readonly uploadId?: string | undefined;
  };
  already_exists: Record<never, never>;
  conflict: Record<never, never>;
  precondition_failed: Record<never, never>;
  not_modified: Record<never, never>;
  unauthenticated: Record<never, never>;
  access_denied: Record<never, never>;
  invalid_request: Record<never, never>;
  too_large: {
    /** Largest size the provider accepts, in bytes. */
    readonly maxSize?: number | undefined;
    /** Size that was sent, in bytes. */
    readonly proposedSize?: number | undefined;
  };
  quota_exceeded: Record<never, never>;
  range_not_satisfiable: {
    /** The object's real size, in bytes. */
    readonly actualSize?: number | undefined;
    readonly rangeRequested?: string | undefined;
  };
  locked: Record<never, never>;
  throttled: Record<never, never>;
  unavailable: Record<never, never>;
  server_error: Record<never, never>;
  timeout: Record<never, never>;
  network: Record<never, never>;
  clock_skew: {
    /** The server's clock when it answered. */
    readonly serverTime?: Date | undefined;
    /** serverTime minus the request's signing time, in milliseconds. */
    readonly skewMs?: number | undefined;
  };
  redirect: {
    readonly region?: string | undefined;
    readonly endpoint?: string | undefined;
  };
  not_implemented: Record<never, never>;
  aborted: Record<never, never>;
  unknown: Record<never, never>;
}
