// PLACEHOLDER: replaced by the normalizer work; the signature is the contract.
import type { NormalizeContext } from "./context.js";
import { isStorageError, StorageError } from "./storage-error.js";

/** Turns anything thrown into a StorageError. Total: never throws. */
export function normalize(error: unknown, context?: NormalizeContext): StorageError {
  if (isStorageError(error)) return error;
  return new StorageError({
    kind: "unknown",
    code: "Unknown",
    message: error instanceof Error ? error.message : String(error),
    retry: "never",
    provider: context?.provider ?? "unknown",
    operation: context?.operation,
    cause: error,
  });
}
