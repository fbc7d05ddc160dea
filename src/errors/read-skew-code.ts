import type { NormalizeContext } from "./context.js";

// S3 and radosgw refuse a request signed more than 15 minutes off their clock; a HEAD carries
// no body to say so, only a 403 whose Date header shows how far off the client is.
const MAX_SKEW_MS = 15 * 60_000;

/**
 * `RequestTimeTooSkewed` for an answer without a code whose 403 carries a `Date` more than
 * 15 minutes from the request's time; undefined otherwise. Any path (an SDK exception, a raw
 * response) reads such an answer the same way.
 */
export function readSkewCode(
  status: number | undefined,
  header: ((name: string) => string | undefined) | undefined,
  context: NormalizeContext | undefined,
): string | undefined {
  const date = status === 403 ? header?.("date") : undefined;
  if (date === undefined) return undefined;
  const serverMs = Date.parse(date);
  const nowMs = context?.requestTimeMs ?? context?.nowMs ?? Date.now();
  return Number.isFinite(serverMs) && Math.abs(serverMs - nowMs) > MAX_SKEW_MS
    ? "RequestTimeTooSkewed"
    : undefined;
}
