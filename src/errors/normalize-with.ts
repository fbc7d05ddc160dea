import type { NormalizeContext } from "./context.js";
import type { Dialect } from "./dialect.js";
import { classifyThrown } from "./from-thrown/classify-thrown.js";
import { readField } from "./from-thrown/read-field.js";
import { isStorageError, type StorageError } from "./storage-error.js";
import { toUnknownError } from "./to-unknown-error.js";

/** How many wrappers (`{data, error}`, StorageUnknownError.originalError) are unwrapped. */
const MAX_UNWRAP_DEPTH = 4;

/** `normalize()` through one dialect: total, whatever the input. */
export function normalizeWith(
  dialect: Dialect,
  error: unknown,
  context: NormalizeContext | undefined,
): StorageError {
  try {
    return classify(dialect, error, context, 0);
  } catch {
    return toUnknownError(error, context);
  }
}

function classify(
  dialect: Dialect,
  error: unknown,
  context: NormalizeContext | undefined,
  depth: number,
): StorageError {
  if (isStorageError(error)) return error;
  if ((typeof error !== "object" && typeof error !== "function") || error === null) {
    return toUnknownError(error, context);
  }
  const deeper = depth < MAX_UNWRAP_DEPTH;
  const wrapped = readField(error, "error");
  if (deeper && "data" in error && wrapped !== null && wrapped !== undefined) {
    return classify(dialect, wrapped, context, depth + 1);
  }
  const nested = (inner: unknown, innerContext: NormalizeContext | undefined) =>
    deeper ? classify(dialect, inner, innerContext, depth + 1) : undefined;
  for (const read of dialect.readers) {
    const found = read(error, context, dialect.catalogue, nested);
    if (found !== undefined) return found;
  }
  return classifyThrown(error, context, dialect.catalogue);
}
