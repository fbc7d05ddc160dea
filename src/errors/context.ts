import type { Provider } from "./kinds.js";

/** What the caller knows about the failed call; every field is optional. */
export interface NormalizeContext {
  /** Who answered, when the caller knows; otherwise detected from headers and body. */
  provider?: Provider | undefined;
  /** The operation (`GetObject`, `put`, `upload`), copied onto the error. */
  operation?: string | undefined;
  /** The bucket the call named: a `not_found` error's `bucket` when the answer names none. */
  bucket?: string | undefined;
  /** The object key the call named: a `not_found` error's `key` when the answer names none. */
  key?: string | undefined;
  /** When the failed request was signed (ms since epoch), to compute skewMs. */
  requestTimeMs?: number | undefined;
  /** Current time (ms since epoch), for HTTP-date Retry-After; defaults to Date.now(). */
  nowMs?: number | undefined;
}

/** A raw HTTP error response, as `normalizeResponse()` takes it. */
export interface ResponseLike {
  /** The HTTP status; a Supabase body's `statusCode` wins over it. */
  status: number;
  /** The status line's text, used in the message when the body gives none. */
  statusText?: string | undefined;
  /**
   * The response headers, read case-insensitively (request id, Retry-After, region, provider
   * detection); a plain object's array values are joined with ", ".
   */
  headers?: Headers | Record<string, string | readonly string[] | undefined> | undefined;
  /** The body, or a prefix of it; only a bounded prefix is ever read. */
  body?: string | Uint8Array | ArrayBuffer | null | undefined;
}
