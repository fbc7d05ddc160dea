import type { NormalizeContext } from "./context.js";
import { fromAwsSdkError, isAwsSdkError } from "./from-thrown/aws-sdk-error.js";
import { classifyThrown } from "./from-thrown/classify-thrown.js";
import { readField } from "./from-thrown/read-field.js";
import {
  fromStorageApiError,
  fromSupabaseBody,
  isStorageJsError,
  isSupabaseBody,
} from "./from-thrown/supabase-error.js";
import { isStorageError, type StorageError } from "./storage-error.js";
import { toUnknownError } from "./to-unknown-error.js";

/** How many wrappers (`{data, error}`, StorageUnknownError.originalError) are unwrapped. */
const MAX_UNWRAP_DEPTH = 4;

/**
 * Turns anything thrown into a StorageError. Total: never throws, whatever the input
 * (SDK exception, R2 binding Error, storage-js error or `{data, error}` result, Node or fetch
 * network error, DOMException, string, null, cyclic object, hostile Proxy).
 * An existing StorageError is returned as is. `cause` keeps the original, or a redacted clone
 * when the original carries secrets (the caller's object is never modified).
 */
export function normalize(error: unknown, context?: NormalizeContext): StorageError {
  try {
    return classify(error, context, 0);
  } catch {
    return toUnknownError(error, context);
  }
}

function classify(
  error: unknown,
  context: NormalizeContext | undefined,
  depth: number,
): StorageError {
  if (isStorageError(error)) return error;
  if ((typeof error !== "object" && typeof error !== "function") || error === null) {
    return toUnknownError(error, context);
  }
  const wrapped = readField(error, "error");
  if (depth < MAX_UNWRAP_DEPTH && "data" in error && wrapped !== null && wrapped !== undefined) {
    return classify(wrapped, context, depth + 1);
  }
  if (isStorageJsError(error)) {
    const original = readField(error, "originalError");
    if (original !== undefined && depth < MAX_UNWRAP_DEPTH) {
      const inner = classify(
        original,
        { ...context, provider: context?.provider ?? "supabase" },
        depth + 1,
      );
      return inner.kind === "unknown" ? fromStorageApiError(error, context) : inner;
    }
    return fromStorageApiError(error, context);
  }
  if (isAwsSdkError(error)) return fromAwsSdkError(error, context);
  if (isSupabaseBody(error)) return fromSupabaseBody(error, context);
  return classifyThrown(error, context);
}
