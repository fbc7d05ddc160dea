// Kinds and retry classes follow DESIGN.md §1 (typical codes) and §2 (class rules).
import { describe, expect, it } from "vitest";
import {
  ALL_TABLES,
  CATALOGUES,
  type CatalogueRow,
  lookupR2Code,
  supabaseLabelRows,
} from "../../src/errors/catalogue/index.js";
import type { RetryClass, StorageErrorKind } from "../../src/errors/kinds.js";

/** DESIGN §1 "typical codes", code by code. */
const EXPECTED_KIND: Readonly<Record<StorageErrorKind, readonly string[]>> = {
  not_found: [
    "NoSuchBucket",
    "NoSuchKey",
    "NoSuchUpload",
    "NoSuchVersion",
    "NoSuchCORSConfiguration",
    "NoSuchLifecycleConfiguration",
    "NoSuchWebsiteConfiguration",
    "NoSuchBucketPolicy",
    "NoSuchTagSet",
    "NotFound",
    "TenantNotFound",
  ],
  already_exists: [
    "BucketAlreadyExists",
    "BucketAlreadyOwnedByYou",
    "KeyAlreadyExists",
    "ResourceAlreadyExists",
    "BucketConflict",
  ],
  conflict: [
    "BucketNotEmpty",
    "InvalidBucketState",
    "InvalidObjectState",
    "OperationAborted",
    "ConditionalRequestConflict",
    "RestoreAlreadyInProgress",
    "ResourceNotEmpty",
  ],
  precondition_failed: ["PreconditionFailed"],
  not_modified: ["NotModified"],
  unauthenticated: [
    "Unauthorized",
    "InvalidAccessKeyId",
    "S3InvalidAccessKeyId",
    "SignatureDoesNotMatch",
    "InvalidSignature",
    "InvalidSecurity",
    "InvalidJWT",
    "ExpiredToken",
    "InvalidToken",
    "TokenRefreshRequired",
    "ExpiredRequest",
  ],
  access_denied: [
    "AccessDenied",
    "AllAccessDisabled",
    "AccountProblem",
    "NotSignedUp",
    "NotEntitled",
    "InvalidPayer",
    "CrossLocationLoggingProhibited",
  ],
  invalid_request: [
    "InvalidArgument",
    "InvalidRequest",
    "InvalidBucketName",
    "InvalidObjectName",
    "InvalidKey",
    "KeyTooLongError",
    "InvalidURI",
    "MalformedXML",
    "MalformedACLError",
    "MissingContentLength",
    "MissingSecurityHeader",
    "InvalidDigest",
    "BadDigest",
    "IncompleteBody",
    "InvalidChecksum",
    "InvalidPart",
    "InvalidPartOrder",
    "EntityTooSmall",
    "InvalidMimeType",
    "InvalidUploadId",
    "MissingPart",
    "InvalidStorageClass",
  ],
  too_large: [
    "EntityTooLarge",
    "MetadataTooLarge",
    "MaxMessageLengthExceeded",
    "InlineDataTooLarge",
    "MaxPostPreDataLengthExceededError",
  ],
  quota_exceeded: [
    "TooManyBuckets",
    "VaultQuotaExceeded",
    "CloudTotalAliveSizeQuotaExceed",
    "BucketMaxSizeExceeded",
    "S3MaximumCredentialsLimit",
    "MaximumCredentialsLimit",
  ],
  range_not_satisfiable: ["InvalidRange"],
  locked: ["ObjectLockedByBucketPolicy", "ResourceLocked", "LockTimeout"],
  throttled: [
    "SlowDown",
    "TooManyRequests",
    "RequestLimitExceeded",
    "Throttling",
    "ThrottlingException",
  ],
  unavailable: ["ServiceUnavailable", "DatabaseReadOnly"],
  server_error: ["InternalError", "DatabaseError"],
  timeout: ["RequestTimeout", "DatabaseTimeout"],
  network: ["ClientDisconnect"],
  clock_skew: ["RequestTimeTooSkewed", "RequestExpired"],
  redirect: ["PermanentRedirect", "TemporaryRedirect", "Redirect"],
  not_implemented: ["NotImplemented", "MethodNotAllowed", "FeatureNotEnabled", "NotSupported"],
  aborted: [],
  unknown: ["Unknown", "S3Error"],
};

/** DESIGN §2: the only codes whose class is neither `never` nor implied by their status or kind. */
const CLASS_BY_CODE: Readonly<Record<string, RetryClass>> = {
  IncompleteBody: "transient",
  BadDigest: "transient",
  XAmzContentSHA256Mismatch: "transient",
  InvalidChecksum: "transient",
  ClientDisconnect: "transient",
  RequestTimeout: "transient",
  ExpiredToken: "credentials",
  TokenRefreshRequired: "credentials",
  InvalidJWT: "credentials",
  OperationAborted: "conflict",
  ConditionalRequestConflict: "conflict",
  ResourceLocked: "conflict",
  LockTimeout: "conflict",
};

/** The class DESIGN §2 gives a row. */
function expectedRetry(row: CatalogueRow): RetryClass {
  const byCode = CLASS_BY_CODE[row.code];
  if (byCode !== undefined) return byCode;
  if (row.kind === "throttled" || row.status === 429) return "throttling";
  if (row.kind === "clock_skew") return "clock_skew";
  if (row.kind === "redirect") return "redirect";
  if (row.code === "ServiceUnavailable") return "throttling";
  // No fixed status (Unknown, S3Error): kind unknown, the normalizer classifies by the real status.
  if (row.status === null) return "never";
  if (row.status >= 500 && row.status !== 501 && row.status !== 507) return "transient";
  return "never";
}

const ALL_ROWS: readonly { where: string; row: CatalogueRow }[] = [
  ...Object.entries(CATALOGUES).flatMap(([provider, rows]) =>
    rows.map((row) => ({ where: `${provider}/${row.code}#${row.r2Code ?? ""}`, row })),
  ),
  ...supabaseLabelRows().map((row) => ({ where: `supabase label ${row.label}`, row })),
];

describe("kinds", () => {
  const expectations = Object.entries(EXPECTED_KIND).flatMap(([kind, codes]) =>
    codes.map((code) => [code, kind] as const),
  );

  it.each(expectations)("%s is %s in every table that has it", (code, kind) => {
    const rows = ALL_ROWS.filter(({ row }) => row.code === code);
    expect(rows.length, code).toBeGreaterThan(0);
    for (const { where, row } of rows) expect(row.kind, where).toBe(kind);
  });

  it.each([
    [10006, "not_found"],
    [10007, "not_found"],
    [10024, "not_found"],
    [10073, "already_exists"],
    [10008, "conflict"],
    [10031, "precondition_failed"],
    [10002, "unauthenticated"],
    [10035, "unauthenticated"],
    [10018, "unauthenticated"],
    [10003, "access_denied"],
    [10042, "access_denied"],
    [10005, "invalid_request"],
    [10020, "invalid_request"],
    [10014, "invalid_request"],
    [10037, "invalid_request"],
    [10013, "invalid_request"],
    [10025, "invalid_request"],
    [10048, "invalid_request"],
    [10011, "invalid_request"],
    [10033, "invalid_request"],
    [100100, "too_large"],
    [10012, "too_large"],
    [10009, "quota_exceeded"],
    [10039, "range_not_satisfiable"],
    [10069, "locked"],
    [10058, "throttled"],
    [10043, "unavailable"],
    [10001, "server_error"],
    [10054, "network"],
    [10022, "invalid_request"],
    [10029, "invalid_request"],
    [10032, "invalid_request"],
    [0, "server_error"],
  ] as const)("R2 %i is %s", (r2Code, kind) => {
    expect(lookupR2Code(ALL_TABLES, r2Code)?.kind).toBe(kind);
  });
});

describe("retry classes", () => {
  it.each(ALL_ROWS)("$where follows the class rules", ({ where, row }) => {
    expect(row.retry, where).toBe(expectedRetry(row));
  });

  it("never retries 404, 405, 412 and 501", () => {
    const rows = ALL_ROWS.filter(({ row }) => [404, 405, 412, 501].includes(row.status ?? 0));
    expect(rows.length).toBeGreaterThan(20);
    for (const { where, row } of rows) expect(row.retry, where).toBe("never");
  });
});
