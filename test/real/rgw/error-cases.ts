// Every error radosgw can be made to answer through the S3 API, with what it must normalize to.
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  GetBucketAclCommand,
  GetBucketCorsCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketWebsiteCommand,
  GetObjectAclCommand,
  GetObjectCommand,
  GetObjectLockConfigurationCommand,
  GetObjectRetentionCommand,
  GetObjectTaggingCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutBucketAclCommand,
  PutBucketCorsCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketLoggingCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutObjectLegalHoldCommand,
  PutObjectLockConfigurationCommand,
  PutObjectRetentionCommand,
  PutObjectTaggingCommand,
  RestoreObjectCommand,
  type S3Client,
  UploadPartCommand,
  UploadPartCopyCommand,
} from "@aws-sdk/client-s3";
import type { RetryClass, StorageErrorKind } from "../../../src/index.js";

/** Which user's client a case runs with. */
export type RgwUser = "tester" | "quota" | "oneBucket" | "suspended" | "badKey" | "badSecret";

/** What the cases share: names made by the suite's setup. */
export interface CaseWorld {
  /** tester's bucket, holding {@link CaseWorld.key}. */
  readonly bucket: string;
  readonly key: string;
  readonly body: string;
  readonly etag: string;
  /** A bucket of the oneBucket user (tester may not touch it). */
  readonly foreignBucket: string;
  /** The quota user's bucket; it already holds its one object. */
  readonly quotaBucket: string;
  /** A live multipart upload on tester's bucket, for {@link CaseWorld.uploadKey}. */
  readonly uploadId: string;
  readonly uploadKey: string;
  /** Unique names for buckets a case creates. */
  readonly fresh: (label: string) => string;
  readonly maxPutBytes: number;
}

/** One error radosgw answers, and its right reading. */
export interface ErrorCase {
  readonly title: string;
  readonly user?: RgwUser;
  readonly run: (s3: S3Client, world: CaseWorld) => Promise<unknown>;
  readonly kind: StorageErrorKind;
  readonly code: string;
  readonly retry: RetryClass;
  readonly status: number;
  /** The code on the wire when it is not `code` (`Not Found`); null for a bodiless answer. */
  readonly wireCode?: string | null;
  /** Requests `run` sends before the failing one (default 0). */
  readonly setupRequests?: number;
}

const future = new Date(Date.now() + 86_400_000);
const past = new Date("2001-01-01T00:00:00Z");
const badMd5 = "1B2M2Y8AsgTpgAmY7PhCfg=="; // MD5 of the empty string

/** Two parts of 5 bytes: too small for anything but the last part. */
async function uploadTwoParts(s3: S3Client, bucket: string, key: string) {
  const { UploadId } = await s3.send(
    new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }),
  );
  const parts = [];
  for (const [PartNumber, Body] of [
    [1, new Uint8Array(5)],
    [2, new Uint8Array(5)],
  ] as const) {
    const { ETag } = await s3.send(
      new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber, Body }),
    );
    parts.push({ PartNumber, ETag });
  }
  return { UploadId, parts };
}

export const ERROR_CASES: readonly ErrorCase[] = [
  {
    title: "GetObject of a missing key",
    run: (s3, w) => s3.send(new GetObjectCommand({ Bucket: w.bucket, Key: "missing.txt" })),
    kind: "not_found",
    code: "NoSuchKey",
    retry: "never",
    status: 404,
  },
  {
    title: "GetObject in a missing bucket",
    run: (s3, w) => s3.send(new GetObjectCommand({ Bucket: w.fresh("nobucket"), Key: "k" })),
    kind: "not_found",
    code: "NoSuchBucket",
    retry: "never",
    status: 404,
  },
  {
    title: "ListObjectsV2 of a missing bucket",
    run: (s3, w) => s3.send(new ListObjectsV2Command({ Bucket: w.fresh("nobucket") })),
    kind: "not_found",
    code: "NoSuchBucket",
    retry: "never",
    status: 404,
  },
  {
    title: "DeleteBucket of a missing bucket",
    run: (s3, w) => s3.send(new DeleteBucketCommand({ Bucket: w.fresh("nobucket") })),
    kind: "not_found",
    code: "NoSuchBucket",
    retry: "never",
    status: 404,
  },
  {
    title: "GetBucketAcl of a missing bucket",
    run: (s3, w) => s3.send(new GetBucketAclCommand({ Bucket: w.fresh("nobucket") })),
    kind: "not_found",
    code: "NoSuchBucket",
    retry: "never",
    status: 404,
  },
  {
    title: "HeadObject of a missing key (no body)",
    run: (s3, w) => s3.send(new HeadObjectCommand({ Bucket: w.bucket, Key: "missing.txt" })),
    kind: "not_found",
    code: "NotFound",
    retry: "never",
    status: 404,
    wireCode: null,
  },
  {
    title: "HeadBucket of a missing bucket (no body)",
    run: (s3, w) => s3.send(new HeadBucketCommand({ Bucket: w.fresh("nobucket") })),
    kind: "not_found",
    code: "NotFound",
    retry: "never",
    status: 404,
    wireCode: null,
  },
  {
    title: "CreateBucket of a name another user owns",
    run: (s3, w) => s3.send(new CreateBucketCommand({ Bucket: w.foreignBucket })),
    kind: "already_exists",
    code: "BucketAlreadyExists",
    retry: "never",
    status: 409,
  },
  {
    title: "DeleteBucket of a bucket with objects",
    run: (s3, w) => s3.send(new DeleteBucketCommand({ Bucket: w.bucket })),
    kind: "conflict",
    code: "BucketNotEmpty",
    retry: "never",
    status: 409,
  },
  {
    title: "CreateBucket with an invalid name",
    run: (s3) => s3.send(new CreateBucketCommand({ Bucket: "ab" })),
    kind: "invalid_request",
    code: "InvalidBucketName",
    retry: "never",
    status: 400,
  },
  {
    title: "GetObject of a range past the end",
    run: (s3, w) =>
      s3.send(new GetObjectCommand({ Bucket: w.bucket, Key: w.key, Range: "bytes=100-200" })),
    kind: "range_not_satisfiable",
    code: "InvalidRange",
    retry: "never",
    status: 416,
  },
  {
    title: "GetObject with If-Match of another ETag",
    run: (s3, w) =>
      s3.send(new GetObjectCommand({ Bucket: w.bucket, Key: w.key, IfMatch: '"0000"' })),
    kind: "precondition_failed",
    code: "PreconditionFailed",
    retry: "never",
    status: 412,
  },
  {
    title: "GetObject with If-Unmodified-Since in the past",
    run: (s3, w) =>
      s3.send(new GetObjectCommand({ Bucket: w.bucket, Key: w.key, IfUnmodifiedSince: past })),
    kind: "precondition_failed",
    code: "PreconditionFailed",
    retry: "never",
    status: 412,
  },
  {
    title: "HeadObject with If-Match of another ETag (no body)",
    run: (s3, w) =>
      s3.send(new HeadObjectCommand({ Bucket: w.bucket, Key: w.key, IfMatch: '"0000"' })),
    kind: "precondition_failed",
    code: "PreconditionFailed",
    retry: "never",
    status: 412,
    wireCode: null,
  },
  {
    title: "GetObject with If-None-Match of its ETag",
    run: (s3, w) =>
      s3.send(new GetObjectCommand({ Bucket: w.bucket, Key: w.key, IfNoneMatch: w.etag })),
    kind: "not_modified",
    code: "NotModified",
    retry: "never",
    status: 304,
    wireCode: null,
  },
  {
    title: "GetObject with If-Modified-Since in the future",
    run: (s3, w) =>
      s3.send(new GetObjectCommand({ Bucket: w.bucket, Key: w.key, IfModifiedSince: future })),
    kind: "not_modified",
    code: "NotModified",
    retry: "never",
    status: 304,
    wireCode: null,
  },
  {
    title: "HeadObject with If-None-Match of its ETag (no body)",
    run: (s3, w) =>
      s3.send(new HeadObjectCommand({ Bucket: w.bucket, Key: w.key, IfNoneMatch: w.etag })),
    kind: "not_modified",
    code: "NotModified",
    retry: "never",
    status: 304,
    wireCode: null,
  },
  {
    title: "ListBuckets with an unknown access key",
    user: "badKey",
    run: (s3) => s3.send(new ListBucketsCommand({})),
    kind: "unauthenticated",
    code: "InvalidAccessKeyId",
    retry: "never",
    status: 403,
  },
  {
    title: "GetObject with an unknown access key",
    user: "badKey",
    run: (s3, w) => s3.send(new GetObjectCommand({ Bucket: w.bucket, Key: w.key })),
    kind: "unauthenticated",
    code: "InvalidAccessKeyId",
    retry: "never",
    status: 403,
  },
  {
    title: "ListBuckets signed with a wrong secret",
    user: "badSecret",
    run: (s3) => s3.send(new ListBucketsCommand({})),
    kind: "unauthenticated",
    code: "SignatureDoesNotMatch",
    retry: "never",
    status: 403,
  },
  {
    title: "PutObject signed with a wrong secret",
    user: "badSecret",
    run: (s3, w) => s3.send(new PutObjectCommand({ Bucket: w.bucket, Key: "x", Body: "x" })),
    kind: "unauthenticated",
    code: "SignatureDoesNotMatch",
    retry: "never",
    status: 403,
  },
  {
    title: "GetObject of another user's bucket",
    run: (s3, w) => s3.send(new GetObjectCommand({ Bucket: w.foreignBucket, Key: "k" })),
    kind: "access_denied",
    code: "AccessDenied",
    retry: "never",
    status: 403,
  },
  {
    title: "ListObjectsV2 of another user's bucket",
    run: (s3, w) => s3.send(new ListObjectsV2Command({ Bucket: w.foreignBucket })),
    kind: "access_denied",
    code: "AccessDenied",
    retry: "never",
    status: 403,
  },
  {
    title: "PutObject over the user's object quota",
    user: "quota",
    run: (s3, w) =>
      s3.send(new PutObjectCommand({ Bucket: w.quotaBucket, Key: "second.txt", Body: "2" })),
    kind: "quota_exceeded",
    code: "QuotaExceeded",
    retry: "never",
    status: 403,
  },
  {
    title: "CreateBucket over the user's bucket limit",
    user: "oneBucket",
    run: (s3, w) => s3.send(new CreateBucketCommand({ Bucket: w.fresh("second") })),
    kind: "quota_exceeded",
    code: "TooManyBuckets",
    retry: "never",
    status: 400,
  },
  {
    title: "ListBuckets as a suspended user",
    user: "suspended",
    run: (s3) => s3.send(new ListBucketsCommand({})),
    kind: "access_denied",
    code: "UserSuspended",
    retry: "never",
    status: 403,
  },
  {
    title: "UploadPart to an unknown upload",
    run: (s3, w) =>
      s3.send(
        new UploadPartCommand({
          Bucket: w.bucket,
          Key: w.uploadKey,
          UploadId: "2~nosuchupload",
          PartNumber: 1,
          Body: "x",
        }),
      ),
    kind: "not_found",
    code: "NoSuchUpload",
    retry: "never",
    status: 404,
  },
  {
    title: "ListParts of an unknown upload (radosgw says NoSuchKey)",
    run: (s3, w) =>
      s3.send(
        new ListPartsCommand({ Bucket: w.bucket, Key: w.uploadKey, UploadId: "2~nosuchupload" }),
      ),
    kind: "not_found",
    code: "NoSuchKey",
    retry: "never",
    status: 404,
  },
  {
    title: "AbortMultipartUpload of an unknown upload",
    run: (s3, w) =>
      s3.send(
        new AbortMultipartUploadCommand({
          Bucket: w.bucket,
          Key: w.uploadKey,
          UploadId: "2~nosuchupload",
        }),
      ),
    kind: "not_found",
    code: "NoSuchUpload",
    retry: "never",
    status: 404,
  },
  {
    title: "CompleteMultipartUpload naming a part never uploaded",
    run: (s3, w) =>
      s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: w.bucket,
          Key: w.uploadKey,
          UploadId: w.uploadId,
          MultipartUpload: {
            Parts: [{ PartNumber: 1, ETag: '"00000000000000000000000000000000"' }],
          },
        }),
      ),
    kind: "invalid_request",
    code: "InvalidPart",
    retry: "never",
    status: 400,
  },
  {
    title: "CompleteMultipartUpload of parts under 5 MiB",
    run: async (s3, w) => {
      const key = `${w.uploadKey}-small`;
      const { UploadId, parts } = await uploadTwoParts(s3, w.bucket, key);
      return s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: w.bucket,
          Key: key,
          UploadId,
          MultipartUpload: { Parts: parts },
        }),
      );
    },
    setupRequests: 3,
    kind: "invalid_request",
    code: "EntityTooSmall",
    retry: "never",
    status: 400,
  },
  {
    title: "PutObject over rgw max put size",
    run: (s3, w) =>
      s3.send(
        new PutObjectCommand({
          Bucket: w.bucket,
          Key: "too-large.bin",
          Body: new Uint8Array(w.maxPutBytes + 1),
        }),
      ),
    kind: "too_large",
    code: "EntityTooLarge",
    retry: "never",
    status: 400,
  },
  {
    title: "PutObject with a Content-MD5 of other bytes",
    run: (s3, w) =>
      s3.send(
        new PutObjectCommand({ Bucket: w.bucket, Key: "md5.txt", Body: "abc", ContentMD5: badMd5 }),
      ),
    kind: "invalid_request",
    code: "BadDigest",
    retry: "transient",
    status: 400,
  },
  {
    title: "PutObject with a Content-MD5 that is not base64 MD5",
    run: (s3, w) =>
      s3.send(
        new PutObjectCommand({ Bucket: w.bucket, Key: "md5.txt", Body: "abc", ContentMD5: "abc" }),
      ),
    kind: "invalid_request",
    code: "InvalidDigest",
    retry: "never",
    status: 400,
  },
  {
    title: "GetBucketLifecycleConfiguration of a bucket without one",
    run: (s3, w) => s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: w.bucket })),
    kind: "not_found",
    code: "NoSuchLifecycleConfiguration",
    retry: "never",
    status: 404,
  },
  {
    title: "GetBucketTagging of a bucket without tags",
    run: (s3, w) => s3.send(new GetBucketTaggingCommand({ Bucket: w.bucket })),
    kind: "not_found",
    code: "NoSuchTagSet",
    retry: "never",
    status: 404,
  },
  {
    title: "GetBucketCors of a bucket without one",
    run: (s3, w) => s3.send(new GetBucketCorsCommand({ Bucket: w.bucket })),
    kind: "not_found",
    code: "NoSuchCORSConfiguration",
    retry: "never",
    status: 404,
  },
  {
    title: "GetBucketPolicy of a bucket without one",
    run: (s3, w) => s3.send(new GetBucketPolicyCommand({ Bucket: w.bucket })),
    kind: "not_found",
    code: "NoSuchBucketPolicy",
    retry: "never",
    status: 404,
  },
  {
    title: "GetBucketWebsite while static websites are off",
    run: (s3, w) => s3.send(new GetBucketWebsiteCommand({ Bucket: w.bucket })),
    kind: "not_implemented",
    code: "MethodNotAllowed",
    retry: "never",
    status: 405,
  },
  {
    title: "GetObjectLockConfiguration of a bucket without one",
    run: (s3, w) => s3.send(new GetObjectLockConfigurationCommand({ Bucket: w.bucket })),
    kind: "not_found",
    code: "ObjectLockConfigurationNotFoundError",
    retry: "never",
    status: 404,
  },
  {
    title: "PutBucketPolicy with a policy that is not JSON",
    run: (s3, w) => s3.send(new PutBucketPolicyCommand({ Bucket: w.bucket, Policy: "{not json" })),
    kind: "invalid_request",
    code: "InvalidArgument",
    retry: "never",
    status: 400,
  },
  {
    title: "PutBucketLifecycleConfiguration with a rule without filter or prefix",
    run: (s3, w) =>
      s3.send(
        new PutBucketLifecycleConfigurationCommand({
          Bucket: w.bucket,
          LifecycleConfiguration: { Rules: [{ Status: "Enabled", Expiration: { Days: 0 } }] },
        }),
      ),
    kind: "invalid_request",
    code: "MalformedXML",
    retry: "never",
    status: 400,
  },
  {
    title: "PutBucketVersioning with an MFA delete status but no MFA",
    run: (s3, w) =>
      s3.send(
        new PutBucketVersioningCommand({
          Bucket: w.bucket,
          VersioningConfiguration: { Status: "Enabled", MFADelete: "Enabled" },
        }),
      ),
    kind: "access_denied",
    code: "AccessDenied",
    retry: "never",
    status: 403,
  },
  {
    title: "PutBucketAcl naming an unknown user",
    run: (s3, w) =>
      s3.send(
        new PutBucketAclCommand({
          Bucket: w.bucket,
          AccessControlPolicy: {
            Owner: { ID: "tester" },
            Grants: [{ Grantee: { Type: "CanonicalUser", ID: "nobody" }, Permission: "READ" }],
          },
        }),
      ),
    kind: "invalid_request",
    code: "InvalidArgument",
    retry: "never",
    status: 400,
  },
  {
    title: "PutObjectTagging with more than 10 tags",
    run: (s3, w) =>
      s3.send(
        new PutObjectTaggingCommand({
          Bucket: w.bucket,
          Key: w.key,
          Tagging: {
            TagSet: Array.from({ length: 11 }, (_, i) => ({ Key: `k${i}`, Value: "v" })),
          },
        }),
      ),
    kind: "invalid_request",
    code: "InvalidTag",
    retry: "never",
    status: 400,
  },
  {
    title: "PutObjectRetention on a bucket without object lock",
    run: (s3, w) =>
      s3.send(
        new PutObjectRetentionCommand({
          Bucket: w.bucket,
          Key: w.key,
          Retention: { Mode: "GOVERNANCE", RetainUntilDate: future },
        }),
      ),
    kind: "invalid_request",
    code: "InvalidRequest",
    retry: "never",
    status: 400,
  },
  {
    title: "GetObjectRetention on a bucket without object lock",
    run: (s3, w) => s3.send(new GetObjectRetentionCommand({ Bucket: w.bucket, Key: w.key })),
    kind: "invalid_request",
    code: "InvalidRequest",
    retry: "never",
    status: 400,
  },
  {
    title: "CopyObject from a missing key",
    run: (s3, w) =>
      s3.send(
        new CopyObjectCommand({
          Bucket: w.bucket,
          Key: "copy.txt",
          CopySource: `${w.bucket}/missing.txt`,
        }),
      ),
    kind: "not_found",
    code: "NoSuchKey",
    retry: "never",
    status: 404,
  },
  {
    title: "CopyObject onto itself changing nothing",
    run: (s3, w) =>
      s3.send(
        new CopyObjectCommand({ Bucket: w.bucket, Key: w.key, CopySource: `${w.bucket}/${w.key}` }),
      ),
    kind: "invalid_request",
    code: "InvalidRequest",
    retry: "never",
    status: 400,
  },
  {
    title: "PutObject into a missing bucket",
    run: (s3, w) =>
      s3.send(new PutObjectCommand({ Bucket: w.fresh("nobucket"), Key: "k", Body: "x" })),
    kind: "not_found",
    code: "NoSuchBucket",
    retry: "never",
    status: 404,
  },
  {
    title: "CreateMultipartUpload in a missing bucket",
    run: (s3, w) =>
      s3.send(new CreateMultipartUploadCommand({ Bucket: w.fresh("nobucket"), Key: "k" })),
    kind: "not_found",
    code: "NoSuchBucket",
    retry: "never",
    status: 404,
  },
  {
    title: "GetObjectAcl of a missing key",
    run: (s3, w) => s3.send(new GetObjectAclCommand({ Bucket: w.bucket, Key: "missing.txt" })),
    kind: "not_found",
    code: "NoSuchKey",
    retry: "never",
    status: 404,
  },
  {
    title: "GetObjectTagging of a missing key",
    run: (s3, w) => s3.send(new GetObjectTaggingCommand({ Bucket: w.bucket, Key: "missing.txt" })),
    kind: "not_found",
    code: "NoSuchKey",
    retry: "never",
    status: 404,
  },
  {
    title: "UploadPartCopy from a missing key",
    run: (s3, w) =>
      s3.send(
        new UploadPartCopyCommand({
          Bucket: w.bucket,
          Key: w.uploadKey,
          UploadId: w.uploadId,
          PartNumber: 1,
          CopySource: `${w.bucket}/missing.txt`,
        }),
      ),
    kind: "not_found",
    code: "NoSuchKey",
    retry: "never",
    status: 404,
  },
  {
    title: "HeadObject of a range past the end (no body)",
    run: (s3, w) =>
      s3.send(new HeadObjectCommand({ Bucket: w.bucket, Key: w.key, Range: "bytes=100-200" })),
    kind: "range_not_satisfiable",
    code: "InvalidRange",
    retry: "never",
    status: 416,
    wireCode: null,
  },
  {
    title: "PutObject of a key longer than 1024 bytes",
    run: (s3, w) =>
      s3.send(new PutObjectCommand({ Bucket: w.bucket, Key: "k".repeat(1100), Body: "x" })),
    kind: "invalid_request",
    code: "InvalidObjectName",
    retry: "never",
    status: 400,
  },
  {
    title: "CreateBucket in an unknown location",
    run: (s3, w) =>
      s3.send(
        new CreateBucketCommand({
          Bucket: w.fresh("mars"),
          CreateBucketConfiguration: { LocationConstraint: "mars-1" as never },
        }),
      ),
    kind: "invalid_request",
    code: "InvalidLocationConstraint",
    retry: "never",
    status: 400,
  },
  {
    title: "PutBucketAcl with an unknown canned ACL",
    run: (s3, w) => s3.send(new PutBucketAclCommand({ Bucket: w.bucket, ACL: "bogus" as never })),
    kind: "invalid_request",
    code: "InvalidArgument",
    retry: "never",
    status: 400,
  },
  {
    title: "PutObjectLockConfiguration on a bucket made without object lock",
    run: (s3, w) =>
      s3.send(
        new PutObjectLockConfigurationCommand({
          Bucket: w.bucket,
          ObjectLockConfiguration: {
            ObjectLockEnabled: "Enabled",
            Rule: { DefaultRetention: { Mode: "GOVERNANCE", Days: 1 } },
          },
        }),
      ),
    kind: "conflict",
    code: "InvalidBucketState",
    retry: "never",
    status: 409,
  },
  {
    title: "PutObjectLegalHold on a bucket without object lock",
    run: (s3, w) =>
      s3.send(
        new PutObjectLegalHoldCommand({
          Bucket: w.bucket,
          Key: w.key,
          LegalHold: { Status: "ON" },
        }),
      ),
    kind: "invalid_request",
    code: "InvalidRequest",
    retry: "never",
    status: 400,
  },
  {
    title: "PutBucketCors with no rules",
    run: (s3, w) =>
      s3.send(new PutBucketCorsCommand({ Bucket: w.bucket, CORSConfiguration: { CORSRules: [] } })),
    kind: "invalid_request",
    code: "MalformedXML",
    retry: "never",
    status: 400,
  },
  {
    title: "CompleteMultipartUpload with no parts",
    run: (s3, w) =>
      s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: w.bucket,
          Key: w.uploadKey,
          UploadId: w.uploadId,
          MultipartUpload: { Parts: [] },
        }),
      ),
    kind: "invalid_request",
    code: "MalformedXML",
    retry: "never",
    status: 400,
  },
  {
    title: "RestoreObject (not implemented by radosgw 16)",
    run: (s3, w) =>
      s3.send(
        new RestoreObjectCommand({ Bucket: w.bucket, Key: w.key, RestoreRequest: { Days: 1 } }),
      ),
    kind: "not_implemented",
    code: "NotImplemented",
    retry: "never",
    status: 501,
  },
  {
    title: "PutBucketLogging (not allowed by radosgw 16)",
    run: (s3, w) =>
      s3.send(new PutBucketLoggingCommand({ Bucket: w.bucket, BucketLoggingStatus: {} })),
    kind: "not_implemented",
    code: "MethodNotAllowed",
    retry: "never",
    status: 405,
  },
  {
    title: "PutBucketPolicy with an unknown action",
    run: (s3, w) =>
      s3.send(
        new PutBucketPolicyCommand({
          Bucket: w.bucket,
          Policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:Fly", Resource: "*" }],
          }),
        }),
      ),
    kind: "invalid_request",
    code: "InvalidArgument",
    retry: "never",
    status: 400,
  },
  {
    title: "GetObject of a version that does not exist",
    run: (s3, w) =>
      s3.send(new GetObjectCommand({ Bucket: w.bucket, Key: w.key, VersionId: "nosuchversion" })),
    kind: "not_found",
    code: "NoSuchKey",
    retry: "never",
    status: 404,
  },
  {
    title: "PutObject with an unknown storage class",
    run: (s3, w) =>
      s3.send(
        new PutObjectCommand({
          Bucket: w.bucket,
          Key: "class.txt",
          Body: "x",
          StorageClass: "FROZEN" as never,
        }),
      ),
    kind: "invalid_request",
    code: "InvalidArgument",
    retry: "never",
    status: 400,
  },
];
