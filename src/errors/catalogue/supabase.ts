import type { CatalogueRow } from "./types.js";

/** Supabase Storage codes; `status` is the body's `statusCode` as the server sends it, `documentedStatus` the docs' figure where it differs. */
export const SUPABASE_CATALOGUE = [
  {
    code: "NoSuchBucket",
    status: 404,
    kind: "not_found",
    retry: "never",
    hint: "Check the bucket name; if it exists, your RLS policies may hide it.",
  },
  {
    code: "NoSuchKey",
    status: 404,
    kind: "not_found",
    retry: "never",
    hint: "Check the key and bucket; if it exists, your RLS policies may hide it.",
  },
  {
    code: "NoSuchUpload",
    status: 404,
    kind: "not_found",
    retry: "never",
    hint: "The upload ID does not exist or the upload was aborted.",
  },
  {
    code: "InvalidJWT",
    status: 400,
    kind: "unauthenticated",
    retry: "credentials",
    documentedStatus: 401,
    hint: "The JWT is expired or malformed: refresh the session and send a valid JWT.",
  },
  {
    code: "InvalidRequest",
    status: 400,
    kind: "invalid_request",
    retry: "never",
    hint: "Check the request parameters and structure; the message has details.",
  },
  {
    code: "TenantNotFound",
    status: 400,
    kind: "not_found",
    retry: "never",
    documentedStatus: 404,
    hint: "The project's storage was not provisioned correctly: contact support.",
  },
  {
    code: "EntityTooLarge",
    status: 413,
    kind: "too_large",
    retry: "never",
    hint: "Raise the upload size limit in the project settings or send a smaller file.",
  },
  {
    code: "InternalError",
    status: 500,
    kind: "server_error",
    retry: "transient",
    hint: "Retry; if it persists check the server logs or contact support.",
  },
  {
    code: "ResourceAlreadyExists",
    status: 409,
    kind: "already_exists",
    retry: "never",
    hint: "Use another name, or send x-upsert: true to overwrite.",
  },
  {
    code: "InvalidBucketName",
    status: 400,
    kind: "invalid_request",
    retry: "never",
    hint: "Follow the bucket naming rules; avoid invalid characters.",
  },
  {
    code: "InvalidKey",
    status: 400,
    kind: "invalid_request",
    retry: "never",
    hint: "Follow the object key naming rules.",
  },
  {
    code: "InvalidRange",
    status: 400,
    kind: "range_not_satisfiable",
    retry: "never",
    documentedStatus: 416,
    hint: "Keep the range within the file size and follow the HTTP Range syntax.",
  },
  {
    code: "InvalidMimeType",
    status: 415,
    kind: "invalid_request",
    retry: "never",
    documentedStatus: 400,
    hint: "Send a standard MIME type that the bucket allows.",
  },
  {
    code: "InvalidUploadId",
    status: 400,
    kind: "invalid_request",
    retry: "never",
    hint: "The upload ID is invalid or missing: send an active upload ID.",
  },
  {
    code: "KeyAlreadyExists",
    status: 409,
    kind: "already_exists",
    retry: "never",
    hint: "Use another key, or send x-upsert: true to overwrite.",
  },
  {
    code: "BucketAlreadyExists",
    status: 409,
    kind: "already_exists",
    retry: "never",
    hint: "Choose a bucket name that is not taken.",
  },
  {
    code: "DatabaseTimeout",
    status: 544,
    kind: "timeout",
    retry: "transient",
    documentedStatus: 504,
    hint: "The database was too busy: retry, raise the pool size or upgrade the instance.",
  },
  {
    code: "InvalidSignature",
    status: 400,
    kind: "unauthenticated",
    retry: "never",
    documentedStatus: 403,
    hint: "Signature mismatch: for S3 check SigV4 signing and keys; for a signed URL, sign one for this object.",
  },
  {
    code: "SignatureDoesNotMatch",
    status: 403,
    kind: "unauthenticated",
    retry: "never",
    hint: "Check the access key ID, secret key and region.",
  },
  {
    code: "AccessDenied",
    status: 403,
    kind: "access_denied",
    retry: "never",
    hint: "Add an RLS policy allowing this access, and send the user's JWT.",
  },
  {
    code: "ResourceLocked",
    status: 423,
    kind: "locked",
    retry: "conflict",
    hint: "The resource is locked: wait and try again.",
  },
  {
    code: "DatabaseError",
    status: 500,
    kind: "server_error",
    retry: "transient",
    hint: "Check the database logs and configuration.",
  },
  {
    code: "MissingContentLength",
    status: 400,
    kind: "invalid_request",
    retry: "never",
    documentedStatus: 411,
    hint: "Send a correct Content-Length header.",
  },
  {
    code: "MissingParameter",
    status: 400,
    kind: "invalid_request",
    retry: "never",
    hint: "Send every required parameter; the message names the missing one.",
  },
  {
    code: "InvalidUploadSignature",
    status: 400,
    kind: "invalid_request",
    retry: "never",
    documentedStatus: 403,
    hint: "The multipart upload record changed mid-upload: do not alter it; restart the upload.",
  },
  {
    code: "LockTimeout",
    status: 503,
    kind: "locked",
    retry: "conflict",
    documentedStatus: 423,
    hint: "A lock could not be acquired in time: wait and try again.",
  },
  {
    code: "S3Error",
    // A backend S3 error passed through with its own status: classify by that status.
    status: null,
    kind: "unknown",
    retry: "never",
    hint: "The storage backend failed: read the message; the status says whether to retry.",
  },
  {
    code: "S3InvalidAccessKeyId",
    status: 403,
    kind: "unauthenticated",
    retry: "never",
    hint: "Check the S3 access key ID is correct and active.",
  },
  {
    code: "S3MaximumCredentialsLimit",
    status: 400,
    kind: "quota_exceeded",
    retry: "never",
    hint: "The S3 credentials limit is reached: delete unused credentials.",
  },
  {
    code: "InvalidChecksum",
    status: 400,
    kind: "invalid_request",
    retry: "transient",
    hint: "Recompute the checksum and resend the body.",
  },
  {
    code: "MissingPart",
    status: 400,
    kind: "invalid_request",
    retry: "never",
    hint: "Upload every part before completing the upload.",
  },
  {
    code: "SlowDown",
    status: 429,
    kind: "throttled",
    retry: "throttling",
    documentedStatus: 503,
    hint: "Reduce the request rate and back off; the message may say how long to wait.",
  },
  {
    code: "MalformedXML",
    status: 400,
    kind: "invalid_request",
    retry: "never",
    hint: "Fix the request XML.",
  },
  {
    code: "InvalidParameter",
    status: 400,
    kind: "invalid_request",
    retry: "never",
    hint: "A parameter has an invalid value: the message names it.",
  },
  {
    code: "MaximumCredentialsLimit",
    status: 400,
    kind: "quota_exceeded",
    retry: "never",
    hint: "The credentials limit is reached: delete unused credentials.",
  },
  {
    code: "ExpiredToken",
    status: 400,
    kind: "unauthenticated",
    retry: "credentials",
    hint: "The token expired: refresh the session and sign again.",
  },
  {
    code: "InvalidAccessKeyId",
    status: 403,
    kind: "unauthenticated",
    retry: "never",
    hint: "Check the S3 access key ID is correct and active.",
  },
  {
    code: "ResourceNotEmpty",
    status: 409,
    kind: "conflict",
    retry: "never",
    hint: "Empty the resource (e.g. the bucket) before deleting it.",
  },
  {
    code: "ResourceReferenced",
    status: 409,
    kind: "conflict",
    retry: "never",
    hint: "Other records still reference this resource: remove them first.",
  },
  {
    code: "TransactionError",
    status: 409,
    kind: "conflict",
    retry: "never",
    hint: "A database transaction failed: check for concurrent changes, then repeat.",
  },
  {
    code: "FeatureNotEnabled",
    status: 409,
    kind: "not_implemented",
    retry: "never",
    hint: "Enable this feature for the project first.",
  },
  {
    code: "NotSupported",
    status: 409,
    kind: "not_implemented",
    retry: "never",
    hint: "This server does not support the operation.",
  },
  {
    code: "Aborted",
    status: 500,
    kind: "server_error",
    retry: "transient",
    hint: "The server aborted the request: retry.",
  },
  {
    code: "DatabaseReadOnly",
    status: 503,
    kind: "unavailable",
    retry: "transient",
    hint: "The database is read-only (maintenance or disk full): retry later.",
  },
  {
    code: "DatabaseSchemaMismatch",
    status: 503,
    kind: "unavailable",
    retry: "transient",
    hint: "Storage migrations are out of date: retry later or contact support.",
  },
  {
    code: "DatabaseInvalidObjectDefinition",
    status: 503,
    kind: "unavailable",
    retry: "transient",
    hint: "A database object is invalid: retry later or contact support.",
  },
] as const satisfies readonly CatalogueRow[];

/** A legacy Supabase `error` label and the row it stands for. */
export interface SupabaseLabelRow extends CatalogueRow {
  /** The label as sent in `error` (compared without white space and case). */
  readonly label: string;
}

/** Labels older Supabase servers send in `error` instead of a code (`unauthorized` also covers `Unauthorized`). */
export const SUPABASE_LABELS = [
  {
    label: "not_found",
    code: "NotFound",
    status: 404,
    kind: "not_found",
    retry: "never",
    hint: "Check the object exists, add an RLS policy and send the user's Authorization header.",
  },
  {
    label: "Bucket not found",
    code: "NoSuchBucket",
    status: 404,
    kind: "not_found",
    retry: "never",
    hint: "Check the bucket name; if it exists, your RLS policies may hide it.",
  },
  {
    label: "already_exists",
    code: "ResourceAlreadyExists",
    status: 409,
    kind: "already_exists",
    retry: "never",
    hint: "Use upsert to overwrite the existing file.",
  },
  {
    label: "Duplicate",
    code: "ResourceAlreadyExists",
    status: 409,
    kind: "already_exists",
    retry: "never",
    hint: "Use upsert to overwrite the existing file.",
  },
  {
    label: "unauthorized",
    code: "AccessDenied",
    status: 403,
    kind: "access_denied",
    retry: "never",
    hint: "Add an RLS policy granting this action and send the user's Authorization header.",
  },
  {
    label: "too many requests",
    code: "TooManyRequests",
    status: 429,
    kind: "throttled",
    retry: "throttling",
    hint: "The pooler hit max_clients: back off, raise max_clients or upgrade compute.",
  },
  {
    label: "too_many_connections",
    code: "TooManyRequests",
    status: 429,
    kind: "throttled",
    retry: "throttling",
    hint: "Database connections are exhausted: back off, raise the pool size or upgrade compute.",
  },
  {
    label: "database_timeout",
    code: "DatabaseTimeout",
    status: 544,
    kind: "timeout",
    retry: "transient",
    hint: "Postgres ran out of connections: retry, raise pool_size or upgrade compute.",
  },
  {
    label: "internal_server_error",
    code: "InternalError",
    status: 500,
    kind: "server_error",
    retry: "transient",
    hint: "An unhandled server error: retry, and file a support ticket if it persists.",
  },
  {
    label: "Payload too large",
    code: "EntityTooLarge",
    status: 413,
    kind: "too_large",
    retry: "never",
    hint: "Raise the upload size limit in the project settings or send a smaller file.",
  },
  {
    label: "invalid_mime_type",
    code: "InvalidMimeType",
    status: 415,
    kind: "invalid_request",
    retry: "never",
    hint: "Send a standard MIME type that the bucket allows.",
  },
  {
    label: "invalid_range",
    code: "InvalidRange",
    status: 416,
    kind: "range_not_satisfiable",
    retry: "never",
    hint: "Keep the range within the file size and follow the HTTP Range syntax.",
  },
  {
    label: "Invalid Input",
    code: "InvalidRequest",
    status: 400,
    kind: "invalid_request",
    retry: "never",
    hint: "Check the request parameters; the message has details.",
  },
  {
    label: "acquiring_lock_timeout",
    code: "LockTimeout",
    status: 503,
    kind: "locked",
    retry: "conflict",
    hint: "A lock could not be acquired in time: wait and try again.",
  },
  {
    label: "resource_locked",
    code: "ResourceLocked",
    status: 423,
    kind: "locked",
    retry: "conflict",
    hint: "The resource is locked: wait and try again.",
  },
  {
    label: "Invalid JWT",
    code: "InvalidJWT",
    status: 400,
    kind: "unauthenticated",
    retry: "credentials",
    hint: "The JWT is expired or malformed: refresh the session and send a valid JWT.",
  },
] as const satisfies readonly SupabaseLabelRow[];

/**
 * A message Supabase Storage sends word for word, and the row it stands for. Used where the code
 * is lost (storage-js before 2.112 keeps only `message` and `statusCode`) or too broad: the
 * server wraps every JWT failure in `AccessDenied` (403) or `InvalidJWT` (400) with the JWT
 * library's own message.
 */
export interface SupabaseMessageRow extends CatalogueRow {
  /** How the message starts, lower case (messages are compared in lower case, spaces collapsed). */
  readonly message: string;
  /** Body statuses the message is read under. */
  readonly statuses: readonly number[];
  /** Sent codes this row overrides (`AccessDenied` for a JWT failure); without, it only fills in a missing code. */
  readonly refines?: readonly string[];
}

// The JWT failures: `jose` (servers since 2024) and `jsonwebtoken` (older servers) messages.
const JWT_STATUSES = [400, 401, 403] as const;
const JWT_CODES = ["AccessDenied", "InvalidJWT"] as const;
const JWT_REFUSED_HINT =
  "The JWT is malformed, wrongly signed or uses a refused algorithm: send the project key or a session token.";

function refusedJwt(message: string): SupabaseMessageRow {
  return {
    message,
    statuses: JWT_STATUSES,
    refines: JWT_CODES,
    code: "InvalidJWT",
    status: 403,
    kind: "unauthenticated",
    retry: "never",
    hint: JWT_REFUSED_HINT,
  };
}

function expiredJwt(message: string): SupabaseMessageRow {
  return {
    message,
    statuses: JWT_STATUSES,
    refines: JWT_CODES,
    code: "InvalidJWT",
    status: 403,
    kind: "unauthenticated",
    retry: "credentials",
    hint: "The JWT expired: refresh the session (or sign a new URL) and repeat.",
  };
}

type SupabaseCode = (typeof SUPABASE_CATALOGUE)[number]["code"];

// A fixed message of the server: it stands for its code's row, under that row's status.
function fixed(
  message: string,
  code: SupabaseCode,
  statuses?: readonly number[],
): SupabaseMessageRow {
  const row = SUPABASE_CATALOGUE.find((candidate) => candidate.code === code) as CatalogueRow;
  return { ...row, message, statuses: statuses ?? (row.status === null ? [] : [row.status]) };
}

/** Messages read when the code is missing, or (`refines`) when it says too little. */
export const SUPABASE_MESSAGES: readonly SupabaseMessageRow[] = [
  /* @__PURE__ */ expiredJwt('"exp" claim timestamp check failed'),
  /* @__PURE__ */ expiredJwt("jwt expired"),
  /* @__PURE__ */ refusedJwt("invalid compact jws"),
  /* @__PURE__ */ refusedJwt("signature verification failed"),
  /* @__PURE__ */ refusedJwt('"alg" (algorithm) header parameter value not allowed'),
  /* @__PURE__ */ refusedJwt('"nbf" claim timestamp check failed'),
  /* @__PURE__ */ refusedJwt('"iat" claim timestamp check failed'),
  /* @__PURE__ */ refusedJwt('missing required "'),
  /* @__PURE__ */ refusedJwt('unexpected "'),
  /* @__PURE__ */ refusedJwt("jws "),
  /* @__PURE__ */ refusedJwt("jwts must use compact jws serialization"),
  /* @__PURE__ */ refusedJwt("jwt claims set must be a top-level json object"),
  /* @__PURE__ */ refusedJwt("no applicable key found in the json web key set"),
  /* @__PURE__ */ refusedJwt('jwt algorithm "'),
  /* @__PURE__ */ refusedJwt("jwt payload is missing"),
  /* @__PURE__ */ refusedJwt("access denied: jwt is not authenticated"),
  /* @__PURE__ */ refusedJwt("invalid jwt"),
  /* @__PURE__ */ refusedJwt("jwt malformed"),
  /* @__PURE__ */ refusedJwt("jwt must be provided"),
  /* @__PURE__ */ refusedJwt("jwt signature is required"),
  /* @__PURE__ */ refusedJwt("invalid token"),
  /* @__PURE__ */ refusedJwt("invalid algorithm"),
  {
    message: "headers must have required property 'authorization'",
    statuses: [400],
    refines: ["InvalidRequest"],
    code: "InvalidJWT",
    status: 400,
    kind: "unauthenticated",
    retry: "never",
    hint: "Send the Authorization header: the project key or a user session's access token.",
  },
  /* @__PURE__ */ fixed("the resource already exists", "ResourceAlreadyExists"),
  /* @__PURE__ */ fixed("bucket not found", "NoSuchBucket"),
  /* @__PURE__ */ fixed("object not found", "NoSuchKey"),
  /* @__PURE__ */ fixed("upload not found", "NoSuchUpload"),
  /* @__PURE__ */ fixed("the bucket you tried to delete is not empty", "ResourceNotEmpty"),
  /* @__PURE__ */ fixed("bucket name invalid", "InvalidBucketName"),
  /* @__PURE__ */ fixed("invalid key: ", "InvalidKey"),
  /* @__PURE__ */ fixed("mime type ", "InvalidMimeType"),
  /* @__PURE__ */ fixed("invalid content-type header", "InvalidMimeType"),
  // The server sends 416 for a Range it cannot parse or serve, 400 from older routes.
  /* @__PURE__ */ fixed("invalid range provided", "InvalidRange", [400, 416]),
  /* @__PURE__ */ fixed("the object exceeded the maximum allowed size", "EntityTooLarge"),
  /* @__PURE__ */ fixed("new row violates row-level security policy", "AccessDenied"),
  /* @__PURE__ */ fixed("invalid signature", "InvalidSignature"),
  /* @__PURE__ */ fixed("the provided token has expired", "ExpiredToken"),
  /* @__PURE__ */ fixed("missing required parameter", "MissingParameter"),
  /* @__PURE__ */ fixed("the access key id you provided does not exist", "InvalidAccessKeyId"),
  /* @__PURE__ */ fixed("the resource is locked", "ResourceLocked"),
  /* @__PURE__ */ fixed("acquiring lock timeout", "LockTimeout"),
  /* @__PURE__ */ fixed("the connection to the database timed out", "DatabaseTimeout"),
  /* @__PURE__ */ fixed("the database is currently in read-only mode", "DatabaseReadOnly"),
  /* @__PURE__ */ fixed("too many connections issued to the database", "SlowDown"),
  /* @__PURE__ */ fixed("rate limit exceeded", "SlowDown"),
  // jsonwebtoken's wrong-secret message; under 400 the signed-URL row above reads it first.
  /* @__PURE__ */ refusedJwt("invalid signature"),
];
