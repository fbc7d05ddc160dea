import type { StorageErrorKind } from "../kinds.js";

/**
 * The generic fix for each kind: the hint of an error whose catalogue row gives none of its own
 * (or that has no row: a network failure, an abort, a status without a code).
 */
export const KIND_HINTS: Readonly<Record<StorageErrorKind, string>> = {
  not_found: "Check the bucket, key or ID, and the region.",
  already_exists: "Name taken: choose another, or treat creation as done.",
  conflict: "The resource's state forbids this: wait or change it.",
  precondition_failed: "Re-read the object and decide again.",
  not_modified: "Unchanged: use your cached copy.",
  unauthenticated: "Check the credentials and signing; refresh expired ones.",
  access_denied: "Grant this identity the action (IAM, policy, ACL).",
  invalid_request: "Fix the request: the message says what is wrong.",
  too_large: "Send less: split it or use multipart upload.",
  quota_exceeded: "Delete unused data or raise the quota.",
  range_not_satisfiable: "Start the range within the object's size.",
  locked: "Wait for the lock or retention to end.",
  throttled: "Back off and lower the request rate.",
  unavailable: "Retry with backoff at a lower rate.",
  server_error: "Retry with backoff; contact support if it persists.",
  timeout: "Retry; keep the body flowing or allow more time.",
  network: "Check connectivity and the endpoint, then retry.",
  clock_skew: "Sync the client clock (NTP) and sign again.",
  redirect: "Use the region or endpoint the error or Location names.",
  not_implemented: "This endpoint does not support this operation.",
  aborted: "The caller's signal cancelled the call.",
  unknown: "Read the message; the status says whether to retry.",
};
