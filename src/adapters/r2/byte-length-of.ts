import type { R2BodyValue } from "./r2-types.js";

/** Size of a body in bytes, when it is known without reading it (undefined for streams). */
export function byteLengthOf(value: R2BodyValue): number | undefined {
  if (value === null) return 0;
  if (typeof value === "string") return new TextEncoder().encode(value).byteLength;
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return value.byteLength;
  const size = (value as { size?: unknown }).size;
  return typeof size === "number" ? size : undefined;
}
