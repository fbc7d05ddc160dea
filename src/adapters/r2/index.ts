// bucketguard/r2: guardBucket() for Cloudflare R2 Workers bindings.

export { guardBucket } from "./guard-bucket.js";
export type { GuardBucketOptions, GuardRetryOptions } from "./guard-bucket-options.js";
export {
  DEFAULT_MAX_REPLAY_BYTES,
  DEFAULT_SUBREQUEST_LIMIT,
  DEFAULT_WRITE_INTERVAL_MS,
} from "./guard-bucket-options.js";
export type { R2BodyValue, R2PartValue, R2PutValue } from "./r2-types.js";
