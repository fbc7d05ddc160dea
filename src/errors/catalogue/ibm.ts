import type { CatalogueEntry } from "./entry.js";
import {
  ACCESS_DENIED,
  ALREADY_EXISTS,
  INVALID_REQUEST,
  NEVER,
  QUOTA_EXCEEDED,
  THROTTLING,
  UNAVAILABLE,
} from "./entry.js";

/**
 * IBM Cloud Object Storage codes that differ from AWS's table (S3 dialect; "vault" means bucket).
 * Every other code IBM sends is read from the S3 table.
 */
// biome-ignore format: one row a line
export const IBM_CATALOGUE: readonly CatalogueEntry[] = [
  ["AccessDenied", 403, ACCESS_DENIED, NEVER, "Check the IAM policy or bucket ACL; an expired IAM token also shows as 403: refresh it."],
  ["BucketAlreadyExists", 409, ALREADY_EXISTS, NEVER, "Bucket names are global across IBM COS: choose another name."],
  ["InvalidEncryptionAlgorithmError", 400, INVALID_REQUEST, NEVER, "Use AES256 for server-side encryption."],
  ["ServiceUnavailable", 503, UNAVAILABLE, THROTTLING, "IBM COS is overloaded or rate limiting: back off and retry."],
  ["TooManyBuckets", 400, QUOTA_EXCEEDED, NEVER, "The account bucket limit is reached: delete unused buckets."],
  ["VaultQuotaExceeded", 507, QUOTA_EXCEEDED, NEVER, "The vault's hard quota is reached: delete data or raise the quota."],
];

/** Other codes IBM COS sends, each read exactly as in the S3 table (for the docs and the tests). */
export const IBM_CODES_AS_AWS: readonly string[] = [
  "BadDigest",
  "BucketNotEmpty",
  "CredentialsNotSupported",
  "EntityTooLarge",
  "EntityTooSmall",
  "IncompleteBody",
  "IncorrectNumberOfFilesInPostRequest",
  "InlineDataTooLarge",
  "InternalError",
  "InvalidAccessKeyId",
  "InvalidArgument",
  "InvalidBucketName",
  "InvalidBucketState",
  "InvalidDigest",
  "InvalidLocationConstraint",
  "InvalidObjectState",
  "InvalidPart",
  "InvalidPartOrder",
  "InvalidRange",
  "InvalidRequest",
  "InvalidSecurity",
  "InvalidURI",
  "KeyTooLongError",
  "MalformedACLError",
  "MalformedPOSTRequest",
  "MalformedXML",
  "MaxMessageLengthExceeded",
  "MaxPostPreDataLengthExceededError",
  "MetadataTooLarge",
  "MethodNotAllowed",
  "MissingContentLength",
  "MissingRequestBodyError",
  "NoSuchBucket",
  "NoSuchKey",
  "NoSuchUpload",
  "NotImplemented",
  "OperationAborted",
  "PreconditionFailed",
  "Redirect",
  "RequestIsNotMultiPartContent",
  "RequestTimeTooSkewed",
  "RequestTimeout",
  "SignatureDoesNotMatch",
  "SlowDown",
  "TemporaryRedirect",
  "UnexpectedContent",
  "UnresolvableGrantByEmailAddress",
  "UserKeyMustBeSpecified",
];
