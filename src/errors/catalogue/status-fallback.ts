import type { RetryClass, StorageErrorKind } from "../kinds.js";

/** What a bare HTTP status says when no provider code is known. */
export interface StatusClassification {
  readonly kind: StorageErrorKind;
  readonly retry: RetryClass;
  /** Generic S3-style code (`NotFound`, `Forbidden`, ...), as the AWS SDK names bodiless errors. */
  readonly code: string;
}

const BY_STATUS: ReadonlyMap<number, StatusClassification> = new Map([
  [301, { kind: "redirect", retry: "redirect", code: "PermanentRedirect" }],
  [304, { kind: "not_modified", retry: "never", code: "NotModified" }],
  [307, { kind: "redirect", retry: "redirect", code: "TemporaryRedirect" }],
  [400, { kind: "invalid_request", retry: "never", code: "BadRequest" }],
  [401, { kind: "unauthenticated", retry: "never", code: "Unauthorized" }],
  [403, { kind: "access_denied", retry: "never", code: "Forbidden" }],
  [404, { kind: "not_found", retry: "never", code: "NotFound" }],
  [405, { kind: "not_implemented", retry: "never", code: "MethodNotAllowed" }],
  [408, { kind: "timeout", retry: "never", code: "RequestTimeout" }],
  [409, { kind: "conflict", retry: "never", code: "Conflict" }],
  [411, { kind: "invalid_request", retry: "never", code: "MissingContentLength" }],
  [412, { kind: "precondition_failed", retry: "never", code: "PreconditionFailed" }],
  [413, { kind: "too_large", retry: "never", code: "EntityTooLarge" }],
  [415, { kind: "invalid_request", retry: "never", code: "UnsupportedMediaType" }],
  [416, { kind: "range_not_satisfiable", retry: "never", code: "InvalidRange" }],
  [423, { kind: "locked", retry: "never", code: "Locked" }],
  [429, { kind: "throttled", retry: "throttling", code: "TooManyRequests" }],
  [500, { kind: "server_error", retry: "transient", code: "InternalError" }],
  [501, { kind: "not_implemented", retry: "never", code: "NotImplemented" }],
  [502, { kind: "unavailable", retry: "transient", code: "BadGateway" }],
  [503, { kind: "unavailable", retry: "transient", code: "ServiceUnavailable" }],
  [504, { kind: "timeout", retry: "transient", code: "GatewayTimeout" }],
  [507, { kind: "quota_exceeded", retry: "never", code: "InsufficientStorage" }],
]);

const UNKNOWN: StatusClassification = { kind: "unknown", retry: "never", code: "Unknown" };
const OTHER_SERVER: StatusClassification = {
  kind: "server_error",
  retry: "transient",
  code: "InternalError",
};
const OTHER_CLIENT: StatusClassification = {
  kind: "invalid_request",
  retry: "never",
  code: "BadRequest",
};

/**
 * Kind, retry class and generic code for a status with no known code.
 * 429 is `throttling`, 5xx `transient` (507 excepted: a hard quota), everything else `never`;
 * `undefined` (no response) and statuses outside 400-599 without an entry are `unknown`.
 */
export function classifyStatus(status: number | undefined): StatusClassification {
  if (status === undefined) return UNKNOWN;
  const known = BY_STATUS.get(status);
  if (known !== undefined) return known;
  if (status >= 500 && status <= 599) return OTHER_SERVER;
  if (status >= 400 && status <= 499) return OTHER_CLIENT;
  return UNKNOWN;
}

/** Every status with its own entry, in order: for the docs table. */
export const CLASSIFIED_STATUSES: readonly number[] = /* @__PURE__ */ listStatuses();

function listStatuses(): number[] {
  return [...BY_STATUS.keys()];
}
