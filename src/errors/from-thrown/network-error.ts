import type { RetryClass, StorageErrorKind } from "../kinds.js";
import { listCauseChain, readField, readString } from "./read-field.js";

interface NetworkClass {
  readonly kind: StorageErrorKind;
  readonly retry: RetryClass;
}

const NETWORK: NetworkClass = { kind: "network", retry: "transient" };
const TIMEOUT: NetworkClass = { kind: "timeout", retry: "transient" };

/** Node and undici error codes that mean the connection failed or timed out. */
const BY_CODE: ReadonlyMap<string, NetworkClass> = new Map([
  ["ECONNRESET", NETWORK],
  ["ECONNREFUSED", NETWORK],
  ["ECONNABORTED", NETWORK],
  ["EPIPE", NETWORK],
  ["EHOSTUNREACH", NETWORK],
  ["ENETUNREACH", NETWORK],
  ["ENETDOWN", NETWORK],
  ["ENOTFOUND", NETWORK],
  ["EAI_AGAIN", NETWORK],
  ["ETIMEDOUT", TIMEOUT],
  ["ESOCKETTIMEDOUT", TIMEOUT],
  ["UND_ERR_CONNECT_TIMEOUT", TIMEOUT],
  ["UND_ERR_HEADERS_TIMEOUT", TIMEOUT],
  ["UND_ERR_BODY_TIMEOUT", TIMEOUT],
  ["UND_ERR_SOCKET", NETWORK],
  ["UND_ERR_CLOSED", NETWORK],
  ["UND_ERR_DESTROYED", NETWORK],
  ["UND_ERR_RES_CONTENT_LENGTH_MISMATCH", NETWORK],
  ["UND_ERR_REQ_CONTENT_LENGTH_MISMATCH", NETWORK],
]);

/**
 * Messages of the TypeError that fetch rejects with when no answer arrived, per runtime: the set
 * the `is-network-error` package recognises. Compared after trimming (Bun's has a leading space).
 */
const FETCH_FAILURE_MESSAGES: ReadonlySet<string> = new Set([
  "fetch failed", // undici (Node), Deno 2
  "terminated", // undici: the connection closed mid-body
  "Failed to fetch", // Chromium
  "network error", // Chromium
  "NetworkError when attempting to fetch resource.", // Firefox
  "The Internet connection appears to be offline.", // Safari 16
  "A network error occurred.", // Bun (WebKit)
  "Network request failed", // React Native, cross-fetch
]);

/** Message prefixes: Chromium may name the host, Deno names the URL. */
const FETCH_FAILURE_PREFIXES: readonly string[] = [
  "Failed to fetch (", // Chromium: "Failed to fetch (example.com)"
  "error sending request for url", // Deno: "error sending request for url (https://...): ..."
];

/**
 * Safari 17+ says "Load failed" for every failed load; its fetch network failures are the ones
 * without a stack (or re-stacked by Sentry, which marks them).
 */
const SAFARI_GENERIC_MESSAGE = "Load failed";
const RESTACKED_MARKER = "__sentry_captured__";

function isFetchFailureMessage(error: unknown, message: string): boolean {
  const trimmed = message.trim();
  if (trimmed === SAFARI_GENERIC_MESSAGE) {
    return (
      readField(error, "stack") === undefined || readField(error, RESTACKED_MARKER) !== undefined
    );
  }
  return (
    FETCH_FAILURE_MESSAGES.has(trimmed) ||
    FETCH_FAILURE_PREFIXES.some((prefix) => trimmed.startsWith(prefix))
  );
}

/** A network failure found on the error or its causes. */
export interface NetworkFailure extends NetworkClass {
  /** The system or undici code (`ECONNRESET`), or `NetworkError` for a bare fetch TypeError. */
  readonly code: string;
}

/** Finds a network code along the `cause` chain (bounded, cycle-safe). */
export function findNetworkCode(error: unknown): NetworkFailure | undefined {
  for (const link of listCauseChain(error)) {
    const code = readString(link, "code");
    const known = code === undefined ? undefined : BY_CODE.get(code);
    if (code !== undefined && known !== undefined) return { ...known, code };
  }
  return undefined;
}

/**
 * A fetch TypeError ("fetch failed", "Failed to fetch", ...), classified by its causes first.
 * Only TypeErrors: other errors with these messages are not fetch's.
 */
export function findFetchFailure(error: unknown): NetworkFailure | undefined {
  if (readString(error, "name") !== "TypeError") return undefined;
  const message = readString(error, "message");
  if (message === undefined || !isFetchFailureMessage(error, message)) return undefined;
  return findNetworkCode(error) ?? { ...NETWORK, code: "NetworkError" };
}
