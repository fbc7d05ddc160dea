// bucketguard/aws-sdk: the AWS SDK v3 middleware plugin.

export { DEFAULT_MAX_REPLAY_BYTES } from "../../index.js";
export { DEFAULT_STALL_TIMEOUT_MS } from "../shared/stall-limit.js";
export type { BucketguardPlugin } from "./bucketguard.js";
export { bucketguard, RETRY_MIDDLEWARE_OPTIONS } from "./bucketguard.js";
export type { CommandSafety } from "./command-safety.js";
export { classifyCommand } from "./command-safety.js";
export type { BucketguardOptions } from "./options.js";
export type { BodyFactory, BodyFactoryEvent } from "./replay-body.js";
export type { BodyMixin } from "./resume-body.js";
export type { SdkStorageError } from "./sdk-storage-error.js";
export { isSdkStorageError } from "./sdk-storage-error.js";
