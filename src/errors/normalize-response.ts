// PLACEHOLDER: replaced by the normalizer work; the signature is the contract.
import { classifyStatus } from "./catalogue/index.js";
import type { NormalizeContext, ResponseLike } from "./context.js";
import { StorageError } from "./storage-error.js";

/** Turns a raw HTTP error response into a StorageError. Total: never throws. */
export function normalizeResponse(response: ResponseLike, context?: NormalizeContext): StorageError {
  const fallback = classifyStatus(response.status);
  return new StorageError({
    ...fallback,
    message: `HTTP ${response.status}`,
    status: response.status,
    provider: context?.provider ?? "unknown",
  });
}
