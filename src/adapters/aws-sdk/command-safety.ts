import type { Idempotency } from "../../index.js";

/** What the plugin needs to know about one command before running it. */
export interface CommandSafety {
  /** Whether the command may be sent again, as `withRetry`'s `operation.idempotency` takes it. */
  readonly idempotency: Idempotency;
  /** A retried failure of this command may mean an earlier attempt landed: check with HeadObject. */
  readonly reconcile: "complete_multipart" | "conditional_put" | undefined;
}

// Writes whose repetition leaves the same state behind: same key, same bytes, same result.
const IDEMPOTENT_WRITES = new Set([
  "PutObject",
  "CopyObject",
  "UploadPart",
  "UploadPartCopy",
  "DeleteObject",
  "DeleteObjects",
  "AbortMultipartUpload",
  "PutObjectTagging",
  "DeleteObjectTagging",
  "PutObjectAcl",
  "PutBucketPolicy",
  "PutBucketCors",
  "PutBucketLifecycleConfiguration",
  "PutBucketTagging",
  "PutBucketVersioning",
  "DeleteBucketPolicy",
  "DeleteBucketCors",
  "DeleteBucketLifecycle",
  "DeleteBucketTagging",
  "DeleteBucket",
]);

function hasConditionalWrite(input: Record<string, unknown>): boolean {
  return input.IfMatch !== undefined || input.IfNoneMatch !== undefined;
}

/**
 * Classifies an S3 command by name and input.
 *
 * Reads (`Get*`, `Head*`, `List*`) and writes that converge (`PutObject`, `CopyObject`,
 * `UploadPart`, `DeleteObject(s)`, ...) are idempotent. `CreateMultipartUpload` opens a new
 * upload id on each call; it is retried all the same (so `@aws-sdk/lib-storage`'s `Upload` does
 * not fail on a reset), because what a lost response can leave behind is an upload with no
 * parts: it holds no data and costs no storage, and a lifecycle rule
 * (AbortIncompleteMultipartUpload) clears it. `CompleteMultipartUpload`
 * and a `PutObject` with `IfMatch`/`IfNoneMatch` are conditional: retried, and a failure that
 * the first attempt may have caused (NoSuchUpload, 412) is reconciled with HeadObject.
 * Unknown commands (`CreateBucket`, `SelectObjectContent`, ...) are not retried.
 */
export function classifyCommand(commandName: string, input: unknown): CommandSafety {
  const name = commandName.endsWith("Command") ? commandName.slice(0, -7) : commandName;
  if (name === "CompleteMultipartUpload") return COMPLETE_MULTIPART;
  if (name === "PutObject" && typeof input === "object" && input !== null) {
    if (hasConditionalWrite(input as Record<string, unknown>)) return CONDITIONAL_PUT;
  }
  // Not convergent, but repeating it can only leave an extra upload with no parts (see above).
  if (name === "CreateMultipartUpload") return IDEMPOTENT;
  if (/^(Get|Head|List)/.test(name) || IDEMPOTENT_WRITES.has(name)) return IDEMPOTENT;
  return NEVER;
}

// Shared answers: classifying a command allocates nothing.
const COMPLETE_MULTIPART: CommandSafety = {
  idempotency: "conditional",
  reconcile: "complete_multipart",
};
const CONDITIONAL_PUT: CommandSafety = { idempotency: "conditional", reconcile: "conditional_put" };
const IDEMPOTENT: CommandSafety = { idempotency: "idempotent", reconcile: undefined };
const NEVER: CommandSafety = { idempotency: "never", reconcile: undefined };
