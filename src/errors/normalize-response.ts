import { buildError } from "./build-error.js";
import type { NormalizeContext, ResponseLike } from "./context.js";
import type { Dialect } from "./dialect.js";
import { ALL_DIALECTS } from "./dialects.js";
import { findRetryAfterMs } from "./parse/retry-hint.js";
import { readBodyPrefix } from "./read-body-prefix.js";
import { createHeaderReader, listHeaderNames, readRequestIdHeader } from "./read-header.js";
import { redactResponse } from "./redact-cause.js";
import type { StorageError } from "./storage-error.js";
import { toUnknownError } from "./to-unknown-error.js";

function toStatus(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= 100 && value <= 999
    ? value
    : undefined;
}

/**
 * Turns a raw HTTP error response into a StorageError. Total: never throws.
 * Reads only the first 64 KiB of the body; HTML, empty or truncated bodies fall back on the status.
 * Supabase's JSON `statusCode` wins over the HTTP 400 it came with.
 */
export function normalizeResponse(
  response: ResponseLike,
  context?: NormalizeContext,
): StorageError {
  return normalizeResponseWith(ALL_DIALECTS, response, context);
}

/** `normalizeResponse()` through one dialect: total, whatever the response. */
export function normalizeResponseWith(
  dialect: Dialect,
  response: ResponseLike,
  context: NormalizeContext | undefined,
): StorageError {
  try {
    return classifyResponse(dialect, response, context);
  } catch (error) {
    return toUnknownError(error, context);
  }
}

function classifyResponse(
  dialect: Dialect,
  response: ResponseLike,
  context: NormalizeContext | undefined,
): StorageError {
  const header = createHeaderReader(response.headers ?? null);
  const text = readBodyPrefix(response.body);
  const start = text.trimStart().charAt(0);
  const xml = start === "<" ? dialect.parseXml?.(text) : undefined;
  const json = start === "{" ? dialect.parseJson?.(text) : undefined;
  const provider =
    dialect.detectProvider?.({
      given: context?.provider,
      header,
      headerNames: listHeaderNames(response.headers ?? null),
      supabaseBody: json !== undefined,
      xml:
        xml === undefined ? undefined : { code: xml.Code, ibm: xml.httpStatusCode !== undefined },
      requestId: xml?.RequestId,
    }) ??
    context?.provider ??
    dialect.provider ??
    "unknown";
  const httpStatus = toStatus(response.status);
  const message = json?.message ?? xml?.Message ?? statusMessage(httpStatus, response.statusText);
  const requestId = xml?.RequestId ?? readRequestIdHeader(header);
  return buildError(
    {
      provider,
      code: json?.code ?? xml?.Code,
      label: json?.label,
      status: json?.status ?? httpStatus ?? toStatus(Number(xml?.httpStatusCode)),
      message,
      requestId,
      retryAfterMs: findRetryAfterMs(header, json?.message, context?.nowMs ?? Date.now()),
      fields: xml,
      header,
      cause: redactResponse(response, text),
    },
    context,
    dialect.catalogue,
  );
}

function statusMessage(status: number | undefined, statusText: unknown): string {
  const suffix = typeof statusText === "string" && statusText !== "" ? ` ${statusText}` : "";
  return status === undefined ? `HTTP error${suffix}` : `HTTP ${status}${suffix}`;
}
