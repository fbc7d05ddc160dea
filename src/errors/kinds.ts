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

/** What went wrong, one of {@link STORAGE_ERROR_KINDS}. */
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

/** How a failure is retried, one of {@link RETRY_CLASSES}. */
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

/** Who answered, one of {@link PROVIDERS}. */
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
  /** The attempt's error kind. */
  readonly kind: StorageErrorKind;
  /** The attempt's canonical code. */
  readonly code: string;
  /** The attempt's status, when there was an answer. */
  readonly status?: number | undefined;
  /** Wait before the next attempt, in milliseconds (0 for the last). */
  readonly delayMs: number;
}

/** Fields only some kinds carry; `switch (err.kind)` narrows to them. */
export interface KindDetails {
  /** The bucket, key, upload, version or configuration does not exist. */
  not_found: {
    /** What was missing. */
    readonly resource?: MissingResource | undefined;
    /** The bucket named in the request or the error. */
    readonly bucket?: string | undefined;
    /** The object key named in the request or the error. */
    readonly key?: string | undefined;
    /** The multipart upload that does not exist. */
    readonly uploadId?: string | undefined;
  };
  /** The name is taken (a bucket, or an object written with If-None-Match). */
  already_exists: Record<never, never>;
  /** The request conflicts with the resource's current state. */
  conflict: Record<never, never>;
  /** An If-Match / If-None-Match / onlyIf condition was not met. */
  precondition_failed: Record<never, never>;
  /** 304: the object has not changed since the ETag or date given. */
  not_modified: Record<never, never>;
  /** Who you are was not accepted (bad or expired credentials, signature). */
  unauthenticated: Record<never, never>;
  /** Who you are may not do this. */
  access_denied: Record<never, never>;
  /** The request itself is wrong. */
  invalid_request: Record<never, never>;
  /** A size limit was exceeded. */
  too_large: {
    /** Largest size the provider accepts, in bytes. */
    readonly maxSize?: number | undefined;
    /** Size that was sent, in bytes. */
    readonly proposedSize?: number | undefined;
  };
  /** An account or bucket quota is used up. */
  quota_exceeded: Record<never, never>;
  /** The Range asked for is outside the object. */
  range_not_satisfiable: {
    /** The object's real size, in bytes. */
    readonly actualSize?: number | undefined;
    /** The Range header that was refused (`bytes=100-199`). */
    readonly rangeRequested?: string | undefined;
  };
  /** Object lock, legal hold, or a lock held by another writer. */
  locked: Record<never, never>;
  /** Slow down: too many requests. */
  throttled: Record<never, never>;
  /** The service is temporarily unable to answer. */
  unavailable: Record<never, never>;
  /** The server failed. */
  server_error: Record<never, never>;
  /** A timeout, on either side. */
  timeout: Record<never, never>;
  /** The connection failed (reset, refused, DNS). */
  network: Record<never, never>;
  /** The request's signing time is too far from the server's clock. */
  clock_skew: {
    /** The server's clock when it answered. */
    readonly serverTime?: Date | undefined;
    /** serverTime minus the request's signing time, in milliseconds. */
    readonly skewMs?: number | undefined;
  };
  /** Wrong region or endpoint. */
  redirect: {
    /** The region the bucket is in, when the provider says. */
    readonly region?: string | undefined;
    /** The endpoint to use instead, when the provider says. */
    readonly endpoint?: string | undefined;
  };
  /** The provider does not support this. */
  not_implemented: Record<never, never>;
  /** The caller cancelled. */
  aborted: Record<never, never>;
  /** Nothing else fits. */
  unknown: Record<never, never>;
}
