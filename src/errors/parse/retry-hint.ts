/** Reads a `Retry-After` value (delta seconds or an HTTP date) as a wait in milliseconds from `nowMs`. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1_000);
  if (trimmed.length > 64) return undefined;
  const dateMs = Date.parse(trimmed);
  return Number.isFinite(dateMs) ? Math.max(0, dateMs - nowMs) : undefined;
}

/** Reads an `x-amz-retry-after` value, which is already in milliseconds. */
export function parseAmzRetryAfter(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return /^\d{1,12}$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** Reads Supabase's "Rate limit exceeded, retry in 4 seconds" as milliseconds. */
export function parseRetryInSeconds(message: string): number | undefined {
  const match = /retry in (\d{1,6}(?:\.\d{1,3})?) ?(?:s|sec|secs|seconds?)\b/i.exec(
    message.slice(0, 1_024),
  );
  return match?.[1] === undefined ? undefined : Math.round(Number(match[1]) * 1_000);
}

/** The first hint found, headers first (x-amz-retry-after, Retry-After), then the message. */
export function findRetryAfterMs(
  header: (name: string) => string | undefined,
  message: string | undefined,
  nowMs: number,
): number | undefined {
  return (
    parseAmzRetryAfter(header("x-amz-retry-after")) ??
    parseRetryAfter(header("retry-after"), nowMs) ??
    (message === undefined ? undefined : parseRetryInSeconds(message))
  );
}
