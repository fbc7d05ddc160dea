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

/** Supabase Storage codes; `status` is the body's `statusCode` as the server sends it (the docs' figure, where it differs, is in `SUPABASE_DOCUMENTED_STATUSES`). */
// biome-ignore format: one row a line
export const SUPABASE_CATALOGUE: readonly CatalogueEntry[] = [
  ["NoSuchBucket", 404, NOT_FOUND, NEVER, "Check the bucket name; if it exists, your RLS policies may hide it."],
  ["NoSuchKey", 404, NOT_FOUND, NEVER, "Check the key and bucket; if it exists, your RLS policies may hide it."],
  ["NoSuchUpload", 404, NOT_FOUND, NEVER, "The upload ID does not exist or the upload was aborted."],
  ["InvalidJWT", 400, UNAUTHENTICATED, CREDENTIALS, "The JWT is expired or malformed: refresh the session and send a valid JWT."],
  ["InvalidRequest", 400, INVALID_REQUEST, NEVER, "Check the request parameters; the message has details."],
  ["TenantNotFound", 400, NOT_FOUND, NEVER, "The project's storage is not provisioned correctly: contact support."],
  ["EntityTooLarge", 413, TOO_LARGE, NEVER, "Raise the upload size limit in the project settings or send a smaller file."],
  ["InternalError", 500, SERVER_ERROR, TRANSIENT, "Retry; if it persists check the server logs or contact support."],
  ["ResourceAlreadyExists", 409, ALREADY_EXISTS, NEVER, "Use another name, or send x-upsert: true to overwrite."],
  ["InvalidBucketName", 400, INVALID_REQUEST, NEVER, "Follow the bucket naming rules; avoid invalid characters."],
  ["InvalidKey", 400, INVALID_REQUEST, NEVER, "Follow the object key naming rules."],
  ["InvalidRange", 400, RANGE_NOT_SATISFIABLE, NEVER, "Keep the range within the file size and follow the HTTP Range syntax."],
  ["InvalidMimeType", 415, INVALID_REQUEST, NEVER, "Send a standard MIME type that the bucket allows."],
  ["InvalidUploadId", 400, INVALID_REQUEST, NEVER, "Send an active upload ID."],
  ["KeyAlreadyExists", 409, ALREADY_EXISTS, NEVER, "Use another key, or send x-upsert: true to overwrite."],
  ["BucketAlreadyExists", 409, ALREADY_EXISTS, NEVER, "Choose a bucket name that is not taken."],
  ["DatabaseTimeout", 544, TIMEOUT, TRANSIENT, "Database too busy: retry, raise the pool size or upgrade the instance."],
  ["InvalidSignature", 400, UNAUTHENTICATED, NEVER, "For S3 check SigV4 signing and keys; for a signed URL, sign one for this object."],
  ["SignatureDoesNotMatch", 403, UNAUTHENTICATED, NEVER, "Check the access key ID, secret key and region."],
  ["AccessDenied", 403, ACCESS_DENIED, NEVER, "Add an RLS policy allowing this access, and send the user's JWT."],
  ["ResourceLocked", 423, LOCKED, RETRY_CONFLICT, "The resource is locked: wait and try again."],
  ["DatabaseError", 500, SERVER_ERROR, TRANSIENT, "Check the database logs and configuration."],
  ["MissingContentLength", 400, INVALID_REQUEST, NEVER, "Send a correct Content-Length header."],
  ["MissingParameter", 400, INVALID_REQUEST, NEVER, "Send every required parameter; the message names the missing one."],
  ["InvalidUploadSignature", 400, INVALID_REQUEST, NEVER, "The multipart upload record changed mid-upload: do not alter it; restart the upload."],
  ["LockTimeout", 503, LOCKED, RETRY_CONFLICT, "A lock could not be acquired in time: wait and try again."],
  // A backend S3 error passed through with its own status: classify by that status.
  ["S3Error", null, UNKNOWN, NEVER],
  ["S3InvalidAccessKeyId", 403, UNAUTHENTICATED, NEVER, "Check the S3 access key ID is correct and active."],
  ["S3MaximumCredentialsLimit", 400, QUOTA_EXCEEDED, NEVER, "S3 credentials limit reached: delete unused credentials."],
  ["InvalidChecksum", 400, INVALID_REQUEST, TRANSIENT, "Recompute the checksum and resend the body."],
  ["MissingPart", 400, INVALID_REQUEST, NEVER, "Upload every part before completing the upload."],
  ["SlowDown", 429, THROTTLED, THROTTLING, "Reduce the request rate and back off; the message may say how long."],
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

/** Labels older Supabase servers send in `error` instead of a code, then the row each stands for (`unauthorized` also covers `Unauthorized`). */
// biome-ignore format: one row a line
export const SUPABASE_LABELS: readonly SupabaseLabel[] = [
  ["not_found", "NotFound", 404, NOT_FOUND, NEVER, "Check the object exists, add an RLS policy and send the user's Authorization header."],
  ["Bucket not found", "NoSuchBucket"],
  ["already_exists", "ResourceAlreadyExists", 409, ALREADY_EXISTS, NEVER, "Use upsert to overwrite the existing file."],
  ["Duplicate", "ResourceAlreadyExists", 409, ALREADY_EXISTS, NEVER, "Use upsert to overwrite the existing file."],
  ["unauthorized", "AccessDenied", 403, ACCESS_DENIED, NEVER, "Add an RLS policy granting this action and send the user's Authorization header."],
  ["too many requests", "TooManyRequests", 429, THROTTLED, THROTTLING, "The pooler hit max_clients: back off, raise max_clients or upgrade compute."],
  ["too_many_connections", "TooManyRequests", 429, THROTTLED, THROTTLING, "Database connections exhausted: back off, raise the pool size or upgrade compute."],
  ["database_timeout", "DatabaseTimeout", 544, TIMEOUT, TRANSIENT, "Postgres ran out of connections: retry, raise pool_size or upgrade compute."],
  ["internal_server_error", "InternalError", 500, SERVER_ERROR, TRANSIENT, "Unhandled server error: retry; file a support ticket if it persists."],
  ["Payload too large", "EntityTooLarge"],
  ["invalid_mime_type", "InvalidMimeType"],
  ["invalid_range", "InvalidRange"],
  ["Invalid Input", "InvalidRequest"],
  ["acquiring_lock_timeout", "LockTimeout"],
  ["resource_locked", "ResourceLocked"],
  ["Invalid JWT", "InvalidJWT"],
];

/** A legacy label: the Supabase row it stands for (by code), or a row of its own. */
export type SupabaseLabel =
  | readonly [label: string, code: string]
  | readonly [label: string, ...CatalogueEntry];

let labelRows: readonly SupabaseLabelRow[] | undefined;

/** The legacy labels as rows, decoded on first use. */
export function supabaseLabelRows(): readonly SupabaseLabelRow[] {
  labelRows ??= SUPABASE_LABELS.map(([label, ...entry]) => ({
    label,
    ...(entry.length === 1 ? supabaseRow(entry[0]) : toRow(entry)),
  }));
  return labelRows;
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

/**
 * A fixed message as stored: the message, what it stands for (the code of a Supabase row, read
 * under that row's status, or a row of its own for the JWT failures), then the statuses it is
 * read under and the codes it refines, where they differ.
 */
export type SupabaseMessage = readonly [
  message: string,
  standsFor: string | CatalogueRow,
  statuses?: readonly number[],
  refines?: readonly string[],
];

// The JWT failures: `jose` (servers since 2024) and `jsonwebtoken` (older servers) messages.
const JWT_STATUSES = [400, 401, 403];
const JWT_CODES = ["AccessDenied", "InvalidJWT"];
const REFUSED_JWT: CatalogueRow = {
  code: "InvalidJWT",
  status: 403,
  kind: UNAUTHENTICATED,
  retry: NEVER,
  hint: "Malformed, wrongly signed or refused JWT: send the project key or a session token.",
};
const EXPIRED_JWT: CatalogueRow = {
  code: "InvalidJWT",
  status: 403,
  kind: UNAUTHENTICATED,
  retry: CREDENTIALS,
  hint: "The JWT expired: refresh the session (or sign a new URL) and repeat.",
};
const MISSING_AUTHORIZATION: CatalogueRow = {
  code: "InvalidJWT",
  status: 400,
  kind: UNAUTHENTICATED,
  retry: NEVER,
  hint: "Send the Authorization header: the project key or a user session's access token.",
};

/** Messages read when the code is missing, or (`refines`) when it says too little; first match wins. */
// biome-ignore format: one row a line
export const SUPABASE_MESSAGES: readonly SupabaseMessage[] = [
  ['"exp" claim timestamp check failed', EXPIRED_JWT, JWT_STATUSES, JWT_CODES],
  ["jwt expired", EXPIRED_JWT, JWT_STATUSES, JWT_CODES],
  ["invalid compact jws", REFUSED_JWT, JWT_STATUSES, JWT_CODES],
  ["signature verification failed", REFUSED_JWT, JWT_STATUSES, JWT_CODES],
  ['"alg" (algorithm) header parameter value not allowed', REFUSED_JWT, JWT_STATUSES, JWT_CODES],
  ['"nbf" claim timestamp check failed', REFUSED_JWT, JWT_STATUSES, JWT_CODES],
  ['"iat" claim timestamp check failed', REFUSED_JWT, JWT_STATUSES, JWT_CODES],
  ['missing required "', REFUSED_JWT, JWT_STATUSES, JWT_CODES],
  ['unexpected "', REFUSED_JWT, JWT_STATUSES, JWT_CODES],
  ["jws ", REFUSED_JWT, JWT_STATUSES, JWT_CODES],
  ["jwts must use compact jws serialization", REFUSED_JWT, JWT_STATUSES, JWT_CODES],
  ["jwt claims set must be a top-level json object", REFUSED_JWT, JWT_STATUSES, JWT_CODES],
  ["no applicable key found in the json web key set", REFUSED_JWT, JWT_STATUSES, JWT_CODES],
  ['jwt algorithm "', REFUSED_JWT, JWT_STATUSES, JWT_CODES],
  ["jwt payload is missing", REFUSED_JWT, JWT_STATUSES, JWT_CODES],
  ["access denied: jwt is not authenticated", REFUSED_JWT, JWT_STATUSES, JWT_CODES],
  ["invalid jwt", REFUSED_JWT, JWT_STATUSES, JWT_CODES],
  ["jwt malformed", REFUSED_JWT, JWT_STATUSES, JWT_CODES],
  ["jwt must be provided", REFUSED_JWT, JWT_STATUSES, JWT_CODES],
  ["jwt signature is required", REFUSED_JWT, JWT_STATUSES, JWT_CODES],
  ["invalid token", REFUSED_JWT, JWT_STATUSES, JWT_CODES],
  ["invalid algorithm", REFUSED_JWT, JWT_STATUSES, JWT_CODES],
  ["headers must have required property 'authorization'", MISSING_AUTHORIZATION, [400], ["InvalidRequest"]],
  ["the resource already exists", "ResourceAlreadyExists"],
  ["bucket not found", "NoSuchBucket"],
  ["object not found", "NoSuchKey"],
  ["upload not found", "NoSuchUpload"],
  ["the bucket you tried to delete is not empty", "ResourceNotEmpty"],
  ["bucket name invalid", "InvalidBucketName"],
  ["invalid key: ", "InvalidKey"],
  ["mime type ", "InvalidMimeType"],
  ["invalid content-type header", "InvalidMimeType"],
  // The server sends 416 for a Range it cannot parse or serve, 400 from older routes.
  ["invalid range provided", "InvalidRange", [400, 416]],
  ["the object exceeded the maximum allowed size", "EntityTooLarge"],
  ["new row violates row-level security policy", "AccessDenied"],
  ["invalid signature", "InvalidSignature"],
  ["the provided token has expired", "ExpiredToken"],
  ["missing required parameter", "MissingParameter"],
  ["the access key id you provided does not exist", "InvalidAccessKeyId"],
  ["the resource is locked", "ResourceLocked"],
  ["acquiring lock timeout", "LockTimeout"],
  ["the connection to the database timed out", "DatabaseTimeout"],
  ["the database is currently in read-only mode", "DatabaseReadOnly"],
  ["too many connections issued to the database", "SlowDown"],
  ["rate limit exceeded", "SlowDown"],
  // jsonwebtoken's wrong-secret message; under 400 the signed-URL row above reads it first.
  ["invalid signature", REFUSED_JWT, JWT_STATUSES, JWT_CODES],
];

let messageRows: readonly SupabaseMessageRow[] | undefined;

/** The fixed messages with the rows they stand for, decoded on first use. */
export function supabaseMessageRows(): readonly SupabaseMessageRow[] {
  messageRows ??= SUPABASE_MESSAGES.map(toMessageRow);
  return messageRows;
}

// The row of a Supabase code, for the labels and messages that stand for one.
function supabaseRow(code: string): CatalogueRow {
  const entry = SUPABASE_CATALOGUE.find((candidate) => candidate[0] === code);
  if (entry === undefined) throw new Error(`no Supabase row ${code}`);
  return toRow(entry);
}

function toMessageRow([
  message,
  standsFor,
  statuses,
  refines,
]: SupabaseMessage): SupabaseMessageRow {
  const stood = typeof standsFor === "string" ? supabaseRow(standsFor) : standsFor;
  const read = statuses ?? (stood.status === null ? [] : [stood.status]);
  return { ...stood, message, statuses: read, ...(refines === undefined ? {} : { refines }) };
}
