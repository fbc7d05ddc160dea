// bucketguard/r2: guardBucket() for Cloudflare R2 Workers bindings.

export { guardBucket } from "./guard-bucket.js";
export type { GuardBucketOptions, GuardRetryOptions } from "./guard-bucket-options.js";
export {
  DEFAULT_MAX_REPLAY_BYTES,
  DEFAULT_SUBREQUEST_LIMIT,
  DEFAULT_WRITE_INTERVAL_MS,
} from "./guard-bucket-options.js";
// The structural shapes guardBucket reads and returns: Cloudflare's binding types (from
// `wrangler types` or @cloudflare/workers-types) satisfy them.
export type {
  R2Blob,
  R2BodyValue,
  R2Bucket,
  R2GetOptions,
  R2ListOptions,
  R2MultipartOptions,
  R2MultipartUpload,
  R2Object,
  R2ObjectBody,
  R2PartValue,
  R2PutOptions,
  R2PutValue,
  R2ReadableStream,
  R2UploadedPart,
} from "./r2-types.js";
