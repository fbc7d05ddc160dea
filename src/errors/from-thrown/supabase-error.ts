import { buildError } from "../build-error.js";
import type { Catalogue } from "../catalogue/catalogue.js";
import type { NormalizeContext } from "../context.js";
import type { ThrownReader } from "../dialect.js";
import { parseRetryInSeconds } from "../parse/retry-hint.js";
import { readSupabaseObject, type SupabaseBody } from "../parse/supabase-json.js";
import { redactCause } from "../redact-cause.js";
import type { StorageError } from "../storage-error.js";
import { readField, readNumber, readString } from "./read-field.js";
import { recallSupabaseAnswer } from "./supabase-answers.js";

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
  catalogue: Catalogue,
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
    catalogue,
  );
}

/** Classifies a raw Supabase error body object. */
export function fromSupabaseBody(
  error: unknown,
  context: NormalizeContext | undefined,
  catalogue: Catalogue,
): StorageError {
  const body = readSupabaseObject(error) ?? {};
  return fromBody(body, undefined, redactCause(error), context, catalogue);
}

/**
 * Classifies a storage-js `StorageApiError`: `statusCode` is the body's status (a string), `status`
 * the HTTP status, `code` set since 2.112. HTML or empty bodies give `statusCode = String(status)`;
 * a legacy body without statusCode gives its `code` there (`already_exists`). What storage-js
 * dropped comes back from the answer the Supabase guardFetch kept, when it saw that answer.
 */
export function fromStorageApiError(
  error: unknown,
  context: NormalizeContext | undefined,
  catalogue: Catalogue,
): StorageError {
  const httpStatus = readNumber(error, "status");
  const statusCode = readString(error, "statusCode")?.trim();
  const codeInStatus =
    statusCode !== undefined && !/^\d+$/.test(statusCode) ? statusCode : undefined;
  // With a code in its place the body's status is unknown: the catalogue row's status stands in.
  const status =
    codeInStatus === undefined ? (readNumber(error, "statusCode") ?? httpStatus) : undefined;
  const message = readString(error, "message");
  const kept =
    typeof error === "object" && error !== null
      ? recallSupabaseAnswer(error, { httpStatus, status, message })
      : undefined;
  return fromBody(
    {
      status: kept?.status ?? status,
      code: readString(error, "code") ?? kept?.code ?? codeInStatus,
      label: readString(error, "error") ?? kept?.label,
      message,
    },
    readString(error, "name"),
    redactCause(error),
    context,
    catalogue,
  );
}

/**
 * The dialect reader of storage-js errors. A `StorageUnknownError` wrapping an original (a
 * network failure, a Response) is classified by that original when it says more than `unknown`.
 */
export const readStorageJsError: ThrownReader = (error, context, catalogue, nested) => {
  if (!isStorageJsError(error)) return undefined;
  const original = readField(error, "originalError");
  if (original !== undefined) {
    const inner = nested(original, { ...context, provider: context?.provider ?? "supabase" });
    if (inner !== undefined && inner.kind !== "unknown") return inner;
  }
  return fromStorageApiError(error, context, catalogue);
};

/** The dialect reader of raw Supabase error bodies given as errors (older clients). */
export const readSupabaseBody: ThrownReader = (error, context, catalogue) =>
  isSupabaseBody(error) ? fromSupabaseBody(error, context, catalogue) : undefined;
