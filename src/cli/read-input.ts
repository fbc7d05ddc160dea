import type { NormalizeContext } from "../errors/context.js";
import { normalize } from "../errors/normalize.js";
import { normalizeResponse } from "../errors/normalize-response.js";
import { parseR2Message } from "../errors/parse/r2-message.js";
import type { StorageError } from "../errors/storage-error.js";
import { looksLikeHttpResponse, parseHttpResponse } from "./parse-http-response.js";

/** What `explain` was given besides the input text. */
export interface InputOptions {
  context: NormalizeContext;
  /** The HTTP status the body came with (`--status`). */
  status: number | undefined;
}

/** The error the input describes, or a message saying why it cannot be read. */
export type ReadResult =
  | { ok: true; error: StorageError; form: string }
  | { ok: false; message: string };

// Fields an error object (SDK exception, storage-js error, log line) has at least one of.
const ERROR_FIELDS = [
  "$metadata",
  "$fault",
  "Code",
  "code",
  "name",
  "statusCode",
  "status",
  "error",
];

/**
 * Reads the input of `bucketguard explain`: an HTTP response as `curl -i` prints it, an S3 XML
 * error body, a JSON body (Supabase) or error object (an SDK error serialized as JSON), an R2
 * binding message (`put: ... (10058)`), or a bare error code (`SlowDown`).
 */
export function readInput(text: string, options: InputOptions): ReadResult {
  const input = text.trim();
  const { context } = options;
  if (input === "") return fail("the input is empty");
  if (looksLikeHttpResponse(input)) {
    const response = parseHttpResponse(input);
    if (typeof response === "string") return fail(response);
    const body = typeof response.body === "string" ? response.body : "";
    if (response.status < 300 && !body.includes("<Error>")) {
      return fail(`HTTP ${response.status} is a success: there is no error to explain`);
    }
    return read("HTTP response", normalizeResponse(response, context));
  }
  if (input.startsWith("<")) {
    if (!/<Error[\s>]/.test(input)) return fail("XML without an <Error> element");
    return read(
      "S3 XML body",
      normalizeResponse({ status: options.status ?? 0, body: input }, context),
    );
  }
  if (input.startsWith("{")) return readJson(input, options);
  if (parseR2Message(input) !== undefined) {
    return read(
      "R2 binding message",
      normalize(new Error(input), { ...context, provider: context.provider ?? "r2" }),
    );
  }
  if (/^[A-Za-z][\w.]*( [A-Za-z]+)?$/.test(input) && input.length <= 80) {
    const error = normalize({ code: input, status: options.status }, context);
    return read("error code", error);
  }
  return fail(
    "not a storage error: expected an S3 XML body, a JSON body or error, an R2 binding message (`put: ... (10058)`), an HTTP response (`curl -i`) or an error code",
  );
}

function readJson(input: string, options: InputOptions): ReadResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(input);
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message})`);
  }
  // The input starts with "{": JSON.parse gives an object.
  const fields = parsed as Record<string, unknown>;
  if (!ERROR_FIELDS.some((field) => field in fields)) {
    return fail(`JSON with none of the fields of an error (${ERROR_FIELDS.join(", ")})`);
  }
  const { context, status } = options;
  const isSdkError = "$metadata" in fields || "$fault" in fields;
  if (!isSdkError && "statusCode" in fields && "message" in fields) {
    // A Supabase Storage body: sent with HTTP 400 unless told otherwise; its statusCode wins.
    return read(
      "Supabase JSON body",
      normalizeResponse({ status: status ?? 400, body: input }, context),
    );
  }
  if (isSdkError && status !== undefined) {
    const metadata = typeof fields.$metadata === "object" ? fields.$metadata : {};
    fields.$metadata = { httpStatusCode: status, ...metadata };
  }
  return read(isSdkError ? "SDK error" : "error object", normalize(fields, context));
}

function read(form: string, error: StorageError): ReadResult {
  return { ok: true, error, form };
}

function fail(message: string): ReadResult {
  return { ok: false, message };
}
