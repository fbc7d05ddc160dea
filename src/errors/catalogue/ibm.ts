import type { CatalogueEntry } from "./entry.js";
import { ACCESS_DENIED, INVALID_REQUEST, NEVER, QUOTA_EXCEEDED } from "./entry.js";

/**
 * IBM Cloud Object Storage codes that differ from AWS's table (S3 dialect; "vault" means bucket).
 * Every other code IBM sends is read from the S3 table.
 */
// biome-ignore format: one row a line
export const IBM_CATALOGUE: readonly CatalogueEntry[] = [
  ["AccessDenied", 403, ACCESS_DENIED, NEVER, "An expired IAM token also answers 403: refresh it."],
  ["InvalidEncryptionAlgorithmError", 400, INVALID_REQUEST, NEVER, "Encrypt with AES256."],
  ["VaultQuotaExceeded", 507, QUOTA_EXCEEDED, NEVER],
];

/** Other codes IBM COS sends, each read exactly as in the S3 table (for the docs and the tests). */
export const IBM_CODES_AS_AWS: readonly string[] = [
  "BadDigest",
  "BucketAlreadyExists",
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
  "ServiceUnavailable",
  "SignatureDoesNotMatch",
  "SlowDown",
  "TemporaryRedirect",
  "TooManyBuckets",
  "UnexpectedContent",
  "UnresolvableGrantByEmailAddress",
  "UserKeyMustBeSpecified",
];
