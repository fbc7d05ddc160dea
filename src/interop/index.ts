// bucketguard/interop: bucketguard's classification for the retry loops users already have
// (p-retry, cockatiel), typed structurally so neither library is a dependency.
export type { FailureVerdict, InteropOptions } from "./classify-failure.js";
export { classifyFailure } from "./classify-failure.js";
export type {
  CockatielBackoff,
  CockatielBackoffContext,
  CockatielBackoffFactory,
} from "./cockatiel.js";
export { createCockatielBackoff, isRetryableError } from "./cockatiel.js";
export type {
  PRetryContextLike,
  PRetryInteropOptions,
  PRetryOptionsLike,
} from "./p-retry-options.js";
export { pRetryOptions } from "./p-retry-options.js";
