import type { Provider } from "./kinds.js";
import type { HeaderReader } from "./read-header.js";

/** What the provider can be recognised by. */
export interface ProviderSignals {
  /** What the caller said. */
  readonly given?: Provider | undefined;
  readonly header: HeaderReader;
  /** Lower-case header names, for prefix checks (`sb-`). */
  readonly headerNames?: readonly string[] | undefined;
  /** The body was Supabase JSON (`statusCode`). */
  readonly supabaseBody?: boolean | undefined;
  /** The body was S3 XML; `httpStatusCode` is IBM's extra element. */
  readonly xml?: { readonly code?: string | undefined; readonly ibm: boolean } | undefined;
  /** The message had the R2 binding shape. */
  readonly r2Message?: boolean | undefined;
  /** A request id from the body or the SDK's metadata, when the headers are not at hand. */
  readonly requestId?: string | undefined;
}

// Codes only Yandex sends; "Precondition Failed" (with a space) is its 412.
const YANDEX_CODES = new Set([
  "precondition failed",
  "cloudtotalalivesizequotaexceed",
  "bucketmaxsizeexceeded",
]);

// radosgw's transaction id: `tx` + 21 hex digits, the time in hex, the instance id, the zonegroup
// (`tx0000034818a84f754d299-006b0f4390-1013-default`). No other server sends this shape.
const RGW_REQUEST_ID = /^tx[0-9a-f]{21}-[0-9a-f]{8,10}-[0-9a-f]+-[\w.-]+$/i;

/** True for a radosgw transaction id. */
export function isRgwRequestId(id: string | undefined): boolean {
  return id !== undefined && RGW_REQUEST_ID.test(id.trim());
}

/**
 * Guesses who answered: the caller's word first, then the body's shape, then headers.
 * Supabase sits behind Cloudflare (cf-ray), so the body is checked before cf-ray.
 * radosgw is told by its request id, even behind a proxy that adds a `Server` header.
 * An S3 XML body with no telling signal is `s3-compatible`.
 */
export function detectProvider(signals: ProviderSignals): Provider {
  if (signals.given !== undefined) return signals.given;
  const { header, xml } = signals;
  if (signals.supabaseBody === true) return "supabase";
  if (xml?.ibm === true || header("x-clv-request-id") !== undefined) return "ibm";
  if (xml?.code !== undefined && YANDEX_CODES.has(xml.code.toLowerCase())) return "yandex";
  if (signals.r2Message === true) return "r2";
  const names = signals.headerNames ?? [];
  if (
    names.some((name) => name.startsWith("sb-")) ||
    header("x-supabase-request-id") !== undefined
  ) {
    return "supabase";
  }
  if (isRgwRequestId(header("x-amz-request-id") ?? signals.requestId)) return "ceph";
  if (header("cf-ray") !== undefined) return "r2";
  const server = header("server");
  if (server !== undefined && /yandex/i.test(server)) return "yandex";
  if (header("x-amz-request-id") !== undefined || header("x-amz-id-2") !== undefined) {
    return server === undefined || /amazons3/i.test(server) ? "aws" : "s3-compatible";
  }
  return xml !== undefined ? "s3-compatible" : "unknown";
}
