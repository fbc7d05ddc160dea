/** Reads a property without letting a throwing getter or Proxy trap escape. */
export function readField(value: unknown, name: string): unknown {
  if ((typeof value !== "object" && typeof value !== "function") || value === null)
    return undefined;
  try {
    return (value as Record<string, unknown>)[name];
  } catch {
    return undefined;
  }
}

/** A string property, or undefined. */
export function readString(value: unknown, name: string): string | undefined {
  const field = readField(value, name);
  return typeof field === "string" ? field : undefined;
}

/** A finite number property (numeric strings accepted), or undefined. */
export function readNumber(value: unknown, name: string): number | undefined {
  const field = readField(value, name);
  const number = typeof field === "string" && field.trim() !== "" ? Number(field) : field;
  return typeof number === "number" && Number.isFinite(number) ? number : undefined;
}

/** Longest chain of `cause`s followed, so a cyclic or 100k-deep chain stays cheap. */
export const MAX_CAUSE_DEPTH = 8;

/** The value, then its `cause`s, at most {@link MAX_CAUSE_DEPTH} deep, never twice the same. */
export function listCauseChain(value: unknown): readonly unknown[] {
  const chain: unknown[] = [];
  const seen = new Set<unknown>();
  let current = value;
  while (current !== undefined && current !== null && chain.length < MAX_CAUSE_DEPTH) {
    if (seen.has(current)) break;
    seen.add(current);
    chain.push(current);
    current = readField(current, "cause");
  }
  return chain;
}
