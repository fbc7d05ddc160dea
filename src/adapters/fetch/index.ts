// bucketguard/fetch: a guarded fetch for any fetch-based S3 client (aws4fetch, presigned URLs).
export { DEFAULT_MAX_REPLAY_BYTES } from "../../index.js";
export type { PresignContext } from "../http/guard-http.js";
export { DEFAULT_STALL_TIMEOUT_MS } from "../shared/stall-limit.js";
export type { RetryPostOption } from "./classify-method.js";
export { guardFetch } from "./guard-fetch.js";
export type { FetchGuardOptions, GuardFetchOptions } from "./guard-fetch-options.js";
