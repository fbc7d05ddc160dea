import type { RetryClass, StorageErrorKind } from "../kinds.js";

/** What a bare HTTP status says when no provider code is known. */
export interface StatusClassification {
  readonly kind: StorageErrorKind;
  readonly retry: RetryClass;
  /** Generic S3-style code (`NotFound`, `Forbidden`, ...), as the AWS SDK names bodiless errors. */
  readonly code: string;
}

// biome-ignore format: one status a line
const STATUSES: readonly (readonly [status: number, kind: StorageErrorKind, retry: RetryClass, code: string])[] = [
  [301, "redirect", "redirect", "PermanentRedirect"],
  [304, "not_modified", "never", "NotModified"],
  [307, "redirect", "redirect", "TemporaryRedirect"],
  [400, "invalid_request", "never", "BadRequest"],
  [401, "unauthenticated", "never", "Unauthorized"],
  [403, "access_denied", "never", "Forbidden"],
  [404, "not_found", "never", "NotFound"],
  [405, "not_implemented", "never", "MethodNotAllowed"],
  [408, "timeout", "never", "RequestTimeout"],
  [409, "conflict", "never", "Conflict"],
  [411, "invalid_request", "never", "MissingContentLength"],
  [412, "precondition_failed", "never", "PreconditionFailed"],
  [413, "too_large", "never", "EntityTooLarge"],
  [415, "invalid_request", "never", "UnsupportedMediaType"],
  [416, "range_not_satisfiable", "never", "InvalidRange"],
  [423, "locked", "never", "Locked"],
  [429, "throttled", "throttling", "TooManyRequests"],
  [500, "server_error", "transient", "InternalError"],
  [501, "not_implemented", "never", "NotImplemented"],
  [502, "unavailable", "transient", "BadGateway"],
  [503, "unavailable", "transient", "ServiceUnavailable"],
  [504, "timeout", "transient", "GatewayTimeout"],
  [507, "quota_exceeded", "never", "InsufficientStorage"],
];

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
  const known = STATUSES.find((entry) => entry[0] === status);
  if (known !== undefined) return { kind: known[1], retry: known[2], code: known[3] };
  if (status >= 500 && status <= 599) return OTHER_SERVER;
  if (status >= 400 && status <= 499) return OTHER_CLIENT;
  return UNKNOWN;
}

/** Every status with its own entry, in order: for the docs table. */
export const CLASSIFIED_STATUSES: readonly number[] = /* @__PURE__ */ STATUSES.map(
  (entry) => entry[0],
);
