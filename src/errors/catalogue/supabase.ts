import {
  ACCESS_DENIED,
  ALREADY_EXISTS,
  type CatalogueEntry,
  CONFLICT,
  CREDENTIALS,
  INVALID_REQUEST,
  LOCKED,
  NEVER,
  NOT_FOUND,
  NOT_IMPLEMENTED,
  QUOTA_EXCEEDED,
  RANGE_NOT_SATISFIABLE,
  RETRY_CONFLICT,
  SERVER_ERROR,
  THROTTLED,
  THROTTLING,
  TIMEOUT,
  TOO_LARGE,
  TRANSIENT,
  toRow,
  UNAUTHENTICATED,
  UNAVAILABLE,
  UNKNOWN,
} from "./entry.js";
import type { CatalogueRow } from "./types.js";

/** Supabase Storage codes; `status` is the body's `statusCode` as the server sends it, `documentedStatus` the docs' figure where it differs. */
// biome-ignore format: one row a line
export const SUPABASE_CATALOGUE: readonly CatalogueEntry[] = [
  ["NoSuchBucket", 404, NOT_FOUND, NEVER, "Check the bucket name; if it exists, your RLS policies may hide it."],
  ["NoSuchKey", 404, NOT_FOUND, NEVER, "Check the key and bucket; if it exists, your RLS policies may hide it."],
  ["NoSuchUpload", 404, NOT_FOUND, NEVER, "The upload ID does not exist or the upload was aborted."],
  ["InvalidJWT", 400, UNAUTHENTICATED, CREDENTIALS, "The JWT is expired or malformed: refresh the session and send a valid JWT.", { documentedStatus: 401 }],
  ["InvalidRequest", 400, INVALID_REQUEST, NEVER, "Check the request parameters; the message has details."],
  ["TenantNotFound", 400, NOT_FOUND, NEVER, "The project's storage is not provisioned correctly: contact support.", { documentedStatus: 404 }],
  ["EntityTooLarge", 413, TOO_LARGE, NEVER, "Raise the upload size limit in the project settings or send a smaller file."],
  ["InternalError", 500, SERVER_ERROR, TRANSIENT, "Retry; if it persists check the server logs or contact support."],
  ["ResourceAlreadyExists", 409, ALREADY_EXISTS, NEVER, "Use another name, or send x-upsert: true to overwrite."],
  ["InvalidBucketName", 400, INVALID_REQUEST, NEVER, "Follow the bucket naming rules; avoid invalid characters."],
  ["InvalidKey", 400, INVALID_REQUEST, NEVER, "Follow the object key naming rules."],
  ["InvalidRange", 400, RANGE_NOT_SATISFIABLE, NEVER, "Keep the range within the file size and follow the HTTP Range syntax.", { documentedStatus: 416 }],
  ["InvalidMimeType", 415, INVALID_REQUEST, NEVER, "Send a standard MIME type that the bucket allows.", { documentedStatus: 400 }],
  ["InvalidUploadId", 400, INVALID_REQUEST, NEVER, "Send an active upload ID."],
  ["KeyAlreadyExists", 409, ALREADY_EXISTS, NEVER, "Use another key, or send x-upsert: true to overwrite."],
  ["BucketAlreadyExists", 409, ALREADY_EXISTS, NEVER, "Choose a bucket name that is not taken."],
  ["DatabaseTimeout", 544, TIMEOUT, TRANSIENT, "Database too busy: retry, raise the pool size or upgrade the instance.", { documentedStatus: 504 }],
  ["InvalidSignature", 400, UNAUTHENTICATED, NEVER, "For S3 check SigV4 signing and keys; for a signed URL, sign one for this object.", { documentedStatus: 403 }],
  ["SignatureDoesNotMatch", 403, UNAUTHENTICATED, NEVER, "Check the access key ID, secret key and region."],
  ["AccessDenied", 403, ACCESS_DENIED, NEVER, "Add an RLS policy allowing this access, and send the user's JWT."],
  ["ResourceLocked", 423, LOCKED, RETRY_CONFLICT, "The resource is locked: wait and try again."],
  ["DatabaseError", 500, SERVER_ERROR, TRANSIENT, "Check the database logs and configuration."],
  ["MissingContentLength", 400, INVALID_REQUEST, NEVER, "Send a correct Content-Length header.", { documentedStatus: 411 }],
  ["MissingParameter", 400, INVALID_REQUEST, NEVER, "Send every required parameter; the message names the missing one."],
  ["InvalidUploadSignature", 400, INVALID_REQUEST, NEVER, "The multipart upload record changed mid-upload: do not alter it; restart the upload.", { documentedStatus: 403 }],
  ["LockTimeout", 503, LOCKED, RETRY_CONFLICT, "A lock could not be acquired in time: wait and try again.", { documentedStatus: 423 }],
  // A backend S3 error passed through with its own status: classify by that status.
  ["S3Error", null, UNKNOWN, NEVER, "The storage backend failed: read the message; the status says whether to retry."],
  ["S3InvalidAccessKeyId", 403, UNAUTHENTICATED, NEVER, "Check the S3 access key ID is correct and active."],
  ["S3MaximumCredentialsLimit", 400, QUOTA_EXCEEDED, NEVER, "S3 credentials limit reached: delete unused credentials."],
  ["InvalidChecksum", 400, INVALID_REQUEST, TRANSIENT, "Recompute the checksum and resend the body."],
  ["MissingPart", 400, INVALID_REQUEST, NEVER, "Upload every part before completing the upload."],
  ["SlowDown", 429, THROTTLED, THROTTLING, "Reduce the request rate and back off; the message may say how long.", { documentedStatus: 503 }],
  ["MalformedXML", 400, INVALID_REQUEST, NEVER, "Fix the request XML."],
  ["InvalidParameter", 400, INVALID_REQUEST, NEVER, "A parameter has an invalid value: the message names it."],
  ["MaximumCredentialsLimit", 400, QUOTA_EXCEEDED, NEVER, "Credentials limit reached: delete unused credentials."],
  ["ExpiredToken", 400, UNAUTHENTICATED, CREDENTIALS, "The token expired: refresh the session and sign again."],
  ["InvalidAccessKeyId", 403, UNAUTHENTICATED, NEVER, "Check the S3 access key ID is correct and active."],
  ["ResourceNotEmpty", 409, CONFLICT, NEVER, "Empty the resource (e.g. the bucket) before deleting it."],
  ["ResourceReferenced", 409, CONFLICT, NEVER, "Other records still reference this resource: remove them first."],
  ["TransactionError", 409, CONFLICT, NEVER, "Transaction failed: check for concurrent changes, then repeat."],
  ["FeatureNotEnabled", 409, NOT_IMPLEMENTED, NEVER, "Enable this feature for the project first."],
  ["NotSupported", 409, NOT_IMPLEMENTED, NEVER, "This server does not support the operation."],
  ["Aborted", 500, SERVER_ERROR, TRANSIENT, "The server aborted the request: retry."],
  ["DatabaseReadOnly", 503, UNAVAILABLE, TRANSIENT, "The database is read-only (maintenance or disk full): retry later."],
  ["DatabaseSchemaMismatch", 503, UNAVAILABLE, TRANSIENT, "Storage migrations are out of date: retry later or contact support."],
  ["DatabaseInvalidObjectDefinition", 503, UNAVAILABLE, TRANSIENT, "A database object is invalid: retry later or contact support."],
];

/** A legacy Supabase `error` label and the row it stands for. */
export interface SupabaseLabelRow extends CatalogueRow {
  /** The label as sent in `error` (compared without white space and case). */
  readonly label: string;
}

/** Labels older Supabase servers send in `error` instead of a code (`unauthorized` also covers `Unauthorized`). */
// biome-ignore format: one row a line
export const SUPABASE_LABELS: readonly SupabaseLabelRow[] = /* @__PURE__ */ toLabelRows([
  ["not_found", "NotFound", 404, NOT_FOUND, NEVER, "Check the object exists, add an RLS policy and send the user's Authorization header."],
  ["Bucket not found", "NoSuchBucket", 404, NOT_FOUND, NEVER, "Check the bucket name; if it exists, your RLS policies may hide it."],
  ["already_exists", "ResourceAlreadyExists", 409, ALREADY_EXISTS, NEVER, "Use upsert to overwrite the existing file."],
  ["Duplicate", "ResourceAlreadyExists", 409, ALREADY_EXISTS, NEVER, "Use upsert to overwrite the existing file."],
  ["unauthorized", "AccessDenied", 403, ACCESS_DENIED, NEVER, "Add an RLS policy granting this action and send the user's Authorization header."],
  ["too many requests", "TooManyRequests", 429, THROTTLED, THROTTLING, "The pooler hit max_clients: back off, raise max_clients or upgrade compute."],
  ["too_many_connections", "TooManyRequests", 429, THROTTLED, THROTTLING, "Database connections exhausted: back off, raise the pool size or upgrade compute."],
  ["database_timeout", "DatabaseTimeout", 544, TIMEOUT, TRANSIENT, "Postgres ran out of connections: retry, raise pool_size or upgrade compute."],
  ["internal_server_error", "InternalError", 500, SERVER_ERROR, TRANSIENT, "Unhandled server error: retry; file a support ticket if it persists."],
  ["Payload too large", "EntityTooLarge", 413, TOO_LARGE, NEVER, "Raise the upload size limit in the project settings or send a smaller file."],
  ["invalid_mime_type", "InvalidMimeType", 415, INVALID_REQUEST, NEVER, "Send a standard MIME type that the bucket allows."],
  ["invalid_range", "InvalidRange", 416, RANGE_NOT_SATISFIABLE, NEVER, "Keep the range within the file size and follow the HTTP Range syntax."],
  ["Invalid Input", "InvalidRequest", 400, INVALID_REQUEST, NEVER, "Check the request parameters; the message has details."],
  ["acquiring_lock_timeout", "LockTimeout", 503, LOCKED, RETRY_CONFLICT, "A lock could not be acquired in time: wait and try again."],
  ["resource_locked", "ResourceLocked", 423, LOCKED, RETRY_CONFLICT, "The resource is locked: wait and try again."],
  ["Invalid JWT", "InvalidJWT", 400, UNAUTHENTICATED, CREDENTIALS, "The JWT is expired or malformed: refresh the session and send a valid JWT."],
]);

function toLabelRows(
  entries: readonly (readonly [string, ...CatalogueEntry])[],
): SupabaseLabelRow[] {
  return entries.map(([label, ...entry]) => ({ label, ...toRow(entry) }));
}

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
  "Malformed, wrongly signed or refused JWT: send the project key or a session token.";

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

// A fixed message of the server: it stands for its code's row, under that row's status.
function fixed(message: string, code: string, statuses?: readonly number[]): SupabaseMessageRow {
  const entry = SUPABASE_CATALOGUE.find((candidate) => candidate[0] === code);
  if (entry === undefined) throw new Error(`no Supabase row ${code}`);
  const row = toRow(entry);
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
