/** Longest JSON body that is parsed, in characters; Supabase error bodies are a few hundred. */
export const MAX_JSON_PARSE_CHARS = 16_384;

/** A Supabase Storage error body, current (`{statusCode, error, message, code}`) or legacy. */
export interface SupabaseBody {
  /** The status the server meant (the body's statusCode, or legacy httpStatusCode). */
  readonly status?: number | undefined;
  /** The code (`NoSuchKey`), when the server sent one. */
  readonly code?: string | undefined;
  /** The old label in `error` (`not_found`, `Duplicate`, ...). */
  readonly label?: string | undefined;
  readonly message?: string | undefined;
}

function toStatus(value: unknown): number | undefined {
  const status = typeof value === "string" ? Number(value) : value;
  return typeof status === "number" && Number.isInteger(status) && status >= 100 && status <= 999
    ? status
    : undefined;
}

function toText(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** Reads a Supabase error object (parsed body or the raw `error` of an old client). */
export function readSupabaseObject(value: unknown): SupabaseBody | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const body = value as Record<string, unknown>;
  const status = toStatus(body.statusCode) ?? toStatus(body.httpStatusCode);
  if (status === undefined) return undefined;
  return {
    status,
    code: toText(body.code),
    label: toText(body.error),
    message: toText(body.message),
  };
}

/** Parses a Supabase JSON error body; undefined when it is not one, too long or truncated. */
export function parseSupabaseJson(text: string): SupabaseBody | undefined {
  if (text.length > MAX_JSON_PARSE_CHARS || !text.trimStart().startsWith("{")) return undefined;
  try {
    return readSupabaseObject(JSON.parse(text));
  } catch {
    return undefined;
  }
}
