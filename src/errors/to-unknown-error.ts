import type { NormalizeContext } from "./context.js";
import { redactCause } from "./redact-cause.js";
import { StorageError } from "./storage-error.js";

/** The last resort: a valid `unknown` error, built without touching the input's properties. */
export function toUnknownError(
  value: unknown,
  context: NormalizeContext | undefined,
): StorageError {
  let message = "Unknown error";
  try {
    if (typeof value === "string") message = value;
    else if (typeof value === "symbol") message = value.toString();
    else if (typeof value !== "object" && typeof value !== "function") message = String(value);
  } catch {
    // A hostile value: keep the generic message.
  }
  const provider = context?.provider;
  return new StorageError({
    kind: "unknown",
    retry: "never",
    code: "Unknown",
    message: message === "" ? "Unknown error" : message,
    provider: typeof provider === "string" ? provider : "unknown",
    operation: typeof context?.operation === "string" ? context.operation : undefined,
    cause: redactCause(value),
  });
}
