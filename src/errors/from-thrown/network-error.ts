import type { RetryClass, StorageErrorKind } from "../kinds.js";
import { listCauseChain, readString } from "./read-field.js";

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

/** Fetch's network-failure messages per runtime (undici, Chrome, Firefox, Safari, React Native). */
const FETCH_FAILURE_MESSAGES: ReadonlySet<string> = new Set([
  "fetch failed",
  "Failed to fetch",
  "NetworkError when attempting to fetch resource.",
  "Load failed",
  "Network request failed",
  "terminated",
]);

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

/** A fetch TypeError ("fetch failed", "Failed to fetch", ...), classified by its causes first. */
export function findFetchFailure(error: unknown): NetworkFailure | undefined {
  if (readString(error, "name") !== "TypeError") return undefined;
  const message = readString(error, "message");
  if (message === undefined || !FETCH_FAILURE_MESSAGES.has(message)) return undefined;
  return findNetworkCode(error) ?? { ...NETWORK, code: "NetworkError" };
}
