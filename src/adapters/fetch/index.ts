// bucketguard/fetch: a guarded fetch for any fetch-based S3 client (aws4fetch, presigned URLs).
export type { RetryPostOption } from "./classify-method.js";
export type { FetchGuardOptions, PresignContext } from "./guard-fetch.js";
export { DEFAULT_MAX_REPLAY_BYTES, guardFetch } from "./guard-fetch.js";
export { DEFAULT_STALL_TIMEOUT_MS } from "./stall-guard.js";
