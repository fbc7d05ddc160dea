import { buildError } from "../build-error.js";
import type { Catalogue } from "../catalogue/catalogue.js";
import type { NormalizeContext } from "../context.js";
import type { RetryClass, StorageErrorKind } from "../kinds.js";
import { isInternalErrorMessage, isNetworkLostMessage } from "../parse/r2-message.js";
import { redactCause } from "../redact-cause.js";
import type { StorageError } from "../storage-error.js";
import { findFetchFailure, findNetworkCode } from "./network-error.js";
import { readField, readNumber, readString } from "./read-field.js";

interface Forced {
  readonly kind: StorageErrorKind;
  readonly retry: RetryClass;
  readonly code: string;
}

// workerd: "Network connection lost." (retryable: true), overload errors carry overloaded: true.
function classifyWorkerd(error: unknown, message: string): Forced | undefined {
  if (isNetworkLostMessage(message))
    return { kind: "network", retry: "transient", code: "NetworkConnectionLost" };
  if (isInternalErrorMessage(message))
    return { kind: "server_error", retry: "transient", code: "InternalError" };
  if (readField(error, "overloaded") === true)
    return { kind: "unavailable", retry: "throttling", code: "Overloaded" };
  if (readField(error, "retryable") === true)
    return { kind: "unavailable", retry: "transient", code: "ServiceUnavailable" };
  return undefined;
}

function classifyByName(
  name: string | undefined,
  context: NormalizeContext | undefined,
): Forced | undefined {
  // AbortSignal.timeout() rejects with a TimeoutError DOMException; the caller's own abort is AbortError.
  if (name === "TimeoutError") return { kind: "timeout", retry: "transient", code: "TimeoutError" };
  if (name === "AbortError") return { kind: "aborted", retry: "never", code: "AbortError" };
  // The R2 binding throws TypeError/RangeError for bad part numbers, etags or ranges.
  if (name === "RangeError" || (name === "TypeError" && context?.provider === "r2")) {
    return { kind: "invalid_request", retry: "never", code: "InvalidArgument" };
  }
  return undefined;
}

/** Classifies an Error-like object no reader of its dialect took (network errors, aborts, workerd's). */
export function classifyThrown(
  error: unknown,
  context: NormalizeContext | undefined,
  catalogue: Catalogue,
): StorageError {
  const name = readString(error, "name");
  const message = readString(error, "message") ?? "";
  const provider = context?.provider;
  const network = findNetworkCode(error) ?? findFetchFailure(error);
  const forced = network ?? classifyWorkerd(error, message) ?? classifyByName(name, context);
  const status = readNumber(error, "status") ?? readNumber(error, "statusCode");
  const isWorkerd = forced !== undefined && network === undefined && isNetworkLostMessage(message);
  return buildError(
    {
      provider: provider ?? (isWorkerd ? "r2" : "unknown"),
      code: forced?.code ?? readString(error, "code"),
      status: forced === undefined ? status : undefined,
      message: message === "" ? undefined : message,
      name: name === "Error" ? undefined : name,
      forced,
      cause: redactCause(error),
    },
    context,
    catalogue,
  );
}
