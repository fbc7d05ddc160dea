import type { Provider } from "./kinds.js";

/** What the caller knows about the failed call; every field is optional. */
export interface NormalizeContext {
  /** Who answered, when the caller knows; otherwise detected from headers and body. */
  provider?: Provider | undefined;
  /** The operation (`GetObject`, `put`, `upload`), copied onto the error. */
  operation?: string | undefined;
  bucket?: string | undefined;
  key?: string | undefined;
  /** When the failed request was signed (ms since epoch), to compute skewMs. */
  requestTimeMs?: number | undefined;
  /** Current time (ms since epoch), for HTTP-date Retry-After; defaults to Date.now(). */
  nowMs?: number | undefined;
}

/** A raw HTTP error response, as `normalizeResponse()` takes it. */
export interface ResponseLike {
  status: number;
  statusText?: string | undefined;
  headers?: Headers | Record<string, string | readonly string[] | undefined> | undefined;
  /** The body, or a prefix of it; only a bounded prefix is ever read. */
  body?: string | Uint8Array | ArrayBuffer | null | undefined;
}
