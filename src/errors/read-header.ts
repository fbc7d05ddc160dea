import type { ResponseLike } from "./context.js";

/** Reads one header by name, case-insensitively. */
export type HeaderReader = (name: string) => string | undefined;

type HeaderSource = ResponseLike["headers"] | Record<string, unknown>;

function isHeadersLike(value: object): value is { get(name: string): string | null } {
  return typeof (value as { get?: unknown }).get === "function";
}

/** Builds a case-insensitive reader over a `Headers` or a plain object (arrays joined with ", "). */
export function createHeaderReader(headers: HeaderSource | null): HeaderReader {
  if (typeof headers !== "object" || headers === null) return () => undefined;
  if (isHeadersLike(headers)) {
    return (name) => headers.get(name) ?? undefined;
  }
  const lower = new Map<string, string>();
  for (const [key, value] of Object.entries(headers).slice(0, 256)) {
    const text = Array.isArray(value) ? value.join(", ") : value;
    if (typeof text === "string") lower.set(key.toLowerCase(), text);
  }
  return (name) => lower.get(name.toLowerCase());
}

/**
 * The request id the answer's headers carry: S3's, IBM's, Cloudflare's ray (R2), then the
 * generic and Supabase ones.
 */
export function readRequestIdHeader(header: HeaderReader): string | undefined {
  return (
    header("x-amz-request-id") ??
    header("x-clv-request-id") ??
    header("cf-ray") ??
    header("x-request-id") ??
    header("sb-request-id")
  );
}

/** Header names, lower case, at most 256 of them. */
export function listHeaderNames(headers: HeaderSource | null): readonly string[] {
  if (typeof headers !== "object" || headers === null) return [];
  const names: string[] = [];
  const keys = isHeadersLike(headers)
    ? (headers as unknown as { keys(): Iterable<string> }).keys()
    : Object.keys(headers);
  for (const key of keys) {
    names.push(key.toLowerCase());
    if (names.length >= 256) break;
  }
  return names;
}
