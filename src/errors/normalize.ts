import type { NormalizeContext } from "./context.js";
import { ALL_DIALECTS } from "./dialects.js";
import { normalizeWith } from "./normalize-with.js";
import type { StorageError } from "./storage-error.js";

/**
 * Turns anything thrown into a StorageError. Total: never throws, whatever the input
 * (SDK exception, R2 binding Error, storage-js error or `{data, error}` result, Node or fetch
 * network error, DOMException, string, null, cyclic object, hostile Proxy).
 * An existing StorageError is returned as is. `cause` keeps the original, or a redacted clone
 * when the original carries secrets (the caller's object is never modified).
 */
export function normalize(error: unknown, context?: NormalizeContext): StorageError {
  return normalizeWith(ALL_DIALECTS, error, context);
}
