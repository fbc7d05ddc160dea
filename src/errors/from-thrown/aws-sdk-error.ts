import { buildError } from "../build-error.js";
import type { Catalogue } from "../catalogue/catalogue.js";
import type { NormalizeContext } from "../context.js";
import { detectProvider } from "../detect-provider.js";
import { findRetryAfterMs } from "../parse/retry-hint.js";
import { parseS3Xml, S3_XML_FIELDS, type S3XmlError } from "../parse/s3-xml.js";
import { readBodyPrefix } from "../read-body-prefix.js";
import {
  createHeaderReader,
  type HeaderReader,
  listHeaderNames,
  readRequestIdHeader,
} from "../read-header.js";
import { redactCause } from "../redact-cause.js";
import type { StorageError } from "../storage-error.js";
import { readField, readNumber, readString } from "./read-field.js";
import { isGenericSdkName } from "./sdk-generic-names.js";

/** True for an AWS SDK v3 exception that got a response: `$metadata.httpStatusCode` or `$response`. */
export function isAwsSdkError(error: unknown): boolean {
  const metadata = readField(error, "$metadata");
  return (
    readNumber(metadata, "httpStatusCode") !== undefined ||
    readNumber(readField(error, "$response"), "statusCode") !== undefined
  );
}

const COPIED_FIELDS: ReadonlySet<string> = /* @__PURE__ */ new Set(S3_XML_FIELDS);

// The SDK copies the body's elements onto the exception as own enumerable properties: walk
// those few keys rather than look up every known field through the prototype chain.
function readCopiedFields(error: unknown): S3XmlError {
  const fields: Record<string, string> = {};
  let keys: readonly string[];
  try {
    keys = typeof error === "object" && error !== null ? Object.keys(error) : [];
  } catch {
    return fields; // a Proxy's ownKeys trap may throw
  }
  for (const name of keys) {
    if (!COPIED_FIELDS.has(name)) continue;
    const value = readField(error, name);
    if (typeof value === "string") fields[name] = value;
    else if (typeof value === "number") fields[name] = String(value);
    else if (value instanceof Date) fields[name] = value.toISOString();
  }
  return fields as S3XmlError;
}

function readResponseHeaders(response: unknown): {
  header: HeaderReader;
  names: readonly string[];
} {
  const headers = readField(response, "headers");
  const source = typeof headers === "object" ? (headers as Record<string, unknown> | null) : null;
  return { header: createHeaderReader(source), names: listHeaderNames(source) };
}

// A HEAD error has no body: the SDK gives it a generic name (NotFound, Unknown, "403", ...).
// A non-XML body (gateway HTML) gives a plain Error: "Deserialization error ... $response".
// The message says nothing: the SDK writes "UnknownError" whenever <Message> is empty, which
// radosgw does for almost every code, so a real code in `name` is kept whatever the message.
function isBodilessName(name: string | undefined, message: string | undefined): boolean {
  return isGenericSdkName(name) || (message?.includes("Deserialization error") ?? false);
}

function readBodyXml(response: unknown): S3XmlError | undefined {
  const text = readBodyPrefix(readField(response, "body"));
  return text.trimStart().startsWith("<") ? parseS3Xml(text) : undefined;
}

// The SDK talks to AWS unless a header says otherwise (a `Server: MinIO` keeps s3-compatible).
function isPlainAws(provider: string, header: HeaderReader): boolean {
  return provider === "unknown" || (provider === "s3-compatible" && header("server") === undefined);
}

/** Classifies an AWS SDK v3 exception from its name (the XML Code), $metadata and copied fields. */
export function fromAwsSdkError(
  error: unknown,
  context: NormalizeContext | undefined,
  catalogue: Catalogue,
): StorageError {
  const metadata = readField(error, "$metadata");
  const response = readField(error, "$response");
  const status = readNumber(metadata, "httpStatusCode") ?? readNumber(response, "statusCode");
  const name = readString(error, "name");
  const message = readString(error, "message");
  const { header, names } = readResponseHeaders(response);
  const bodiless = isBodilessName(name, message);
  const bodyXml = bodiless ? readBodyXml(response) : undefined;
  const fields = bodyXml ?? readCopiedFields(error);
  // A bodiless answer's code, if any, comes from the body or the copied fields; buildError reads
  // a skewed clock from the 403's Date as it does for a raw response.
  const code = bodiless
    ? (bodyXml?.Code ?? readString(error, "Code"))
    : (readString(error, "Code") ?? name);
  const requestId =
    readString(metadata, "requestId") ?? fields.RequestId ?? readRequestIdHeader(header);
  const provider = detectProvider({
    given: context?.provider,
    header,
    headerNames: names,
    xml: { code, ibm: fields.httpStatusCode !== undefined },
    requestId,
  });
  return buildError(
    {
      provider: isPlainAws(provider, header) ? "aws" : provider,
      code,
      status,
      message:
        bodiless && status !== undefined
          ? `${name ?? "Error"} (HTTP ${status}): ${message ?? ""}`
          : message,
      name,
      requestId,
      retryAfterMs: findRetryAfterMs(header, undefined, context?.nowMs ?? Date.now()),
      fields,
      header,
      cause: redactCause(error),
    },
    context,
    catalogue,
  );
}

/** The dialect reader of AWS SDK v3 exceptions. */
export function readAwsSdkError(
  error: object,
  context: NormalizeContext | undefined,
  catalogue: Catalogue,
): StorageError | undefined {
  return isAwsSdkError(error) ? fromAwsSdkError(error, context, catalogue) : undefined;
}
