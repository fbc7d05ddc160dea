import type { RetryClass, StorageErrorKind } from "../kinds.js";
import type { CatalogueRow } from "./types.js";

/**
 * A catalogue row as a table stores it: code, status, kind, retry class, hint, then the fields
 * only some rows have. Tables are decoded into {@link CatalogueRow} objects on first use. A row
 * without a hint (`undefined` where fields follow) takes its kind's default (`KIND_HINTS`).
 */
export type CatalogueEntry = readonly [
  code: string,
  status: number | null,
  kind: StorageErrorKind,
  retry: RetryClass,
  hint?: string | undefined,
  extra?: Pick<CatalogueRow, "r2Code" | "aliases">,
];

/** The row an entry stands for, as normalize() and the docs read it. */
export function toRow([code, status, kind, retry, hint, extra]: CatalogueEntry): CatalogueRow {
  return { code, status, kind, retry, hint, ...extra };
}

// Kinds and retry classes as constants: a row stays one short line, a typo is a type error, and a
// minified table names each by a one-letter variable.
export const NOT_FOUND = "not_found";
export const ALREADY_EXISTS = "already_exists";
export const CONFLICT = "conflict";
export const PRECONDITION_FAILED = "precondition_failed";
export const NOT_MODIFIED = "not_modified";
export const UNAUTHENTICATED = "unauthenticated";
export const ACCESS_DENIED = "access_denied";
export const INVALID_REQUEST = "invalid_request";
export const TOO_LARGE = "too_large";
export const QUOTA_EXCEEDED = "quota_exceeded";
export const RANGE_NOT_SATISFIABLE = "range_not_satisfiable";
export const LOCKED = "locked";
export const THROTTLED = "throttled";
export const UNAVAILABLE = "unavailable";
export const SERVER_ERROR = "server_error";
export const TIMEOUT = "timeout";
export const NETWORK = "network";
export const CLOCK_SKEW = "clock_skew";
export const REDIRECT = "redirect";
export const NOT_IMPLEMENTED = "not_implemented";
export const UNKNOWN = "unknown";

/** The hint of the NoSuch...Configuration codes: a GET of a setting never set. */
export const NOTHING_SET = "Nothing is set: treat it as empty, or put one.";

export const NEVER = "never";
export const TRANSIENT = "transient";
export const THROTTLING = "throttling";
export const CREDENTIALS = "credentials";
export const RETRY_CONFLICT = "conflict";
export const RETRY_REDIRECT = "redirect";
export const RETRY_CLOCK_SKEW = "clock_skew";
