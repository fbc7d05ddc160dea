import { buildError } from "../build-error.js";
import type { NormalizeContext } from "../context.js";
import { parseRetryInSeconds } from "../parse/retry-hint.js";
import { readSupabaseObject, type SupabaseBody } from "../parse/supabase-json.js";
import { redactCause } from "../redact-cause.js";
import type { StorageError } from "../storage-error.js";
import { readField, readNumber, readString } from "./read-field.js";

/** True for a storage-js error (`StorageApiError`, `StorageUnknownError`): it has `__isStorageError`. */
export function isStorageJsError(error: unknown): boolean {
  return readField(error, "__isStorageError") === true;
}

/** True for a raw Supabase error body given as an error (older clients): `{statusCode, error, message}`. */
export function isSupabaseBody(error: unknown): boolean {
  return readSupabaseObject(error) !== undefined && readField(error, "$metadata") === undefined;
}

function fromBody(
  body: SupabaseBody,
  name: string | undefined,
  cause: unknown,
  context: NormalizeContext | undefined,
): StorageError {
  return buildError(
    {
      provider: context?.provider ?? "supabase",
      code: body.code,
      label: body.label,
      status: body.status,
      message: body.message,
      name,
      retryAfterMs: body.message === undefined ? undefined : parseRetryInSeconds(body.message),
      cause,
    },
    context,
  );
}

/** Classifies a raw Supabase error body object. */
export function fromSupabaseBody(
  error: unknown,
  context: NormalizeContext | undefined,
): StorageError {
  const body = readSupabaseObject(error) ?? {};
  return fromBody(body, undefined, redactCause(error), context);
}

/**
 * Classifies a storage-js `StorageApiError`: `statusCode` is the body's status (a string), `status`
 * the HTTP status, `code` set since 2.112. HTML or empty bodies give `statusCode = String(status)`.
 */
export function fromStorageApiError(
  error: unknown,
  context: NormalizeContext | undefined,
): StorageError {
  const status = readNumber(error, "statusCode") ?? readNumber(error, "status");
  const code = readString(error, "code");
  const label = readString(error, "error");
  const message = readString(error, "message");
  return fromBody(
    { status, code, label, message },
    readString(error, "name"),
    redactCause(error),
    context,
  );
}
