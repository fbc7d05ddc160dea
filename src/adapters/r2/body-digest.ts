import { md5Hex, toHex } from "../../body/md5.js";
import type { R2BodyValue } from "./r2-types.js";

/** The bytes of a body when they are at hand without consuming anything (not a stream). */
export async function bytesOfBody(value: R2BodyValue): Promise<Uint8Array | undefined> {
  if (value === null) return new Uint8Array(0);
  if (typeof value === "string") return new TextEncoder().encode(value);
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  const blob = value as { arrayBuffer?: unknown; getReader?: unknown };
  if (typeof blob.arrayBuffer === "function" && typeof blob.getReader !== "function") {
    return new Uint8Array(await (value as Blob).arrayBuffer());
  }
  return undefined;
}

/**
 * MD5 of `bytes` as hex: workerd's `crypto.subtle` has MD5 (native and fast); elsewhere (Node,
 * browsers) the core's implementation computes it.
 */
export async function md5HexOf(bytes: Uint8Array): Promise<string> {
  try {
    const digest = await crypto.subtle.digest("MD5", bytes.slice());
    return toHex(new Uint8Array(digest));
  } catch {
    return md5Hex(bytes);
  }
}

/** A digest as lower-case hex, from the forms R2 uses (ArrayBuffer, a view, a hex string). */
export function digestHex(value: unknown): string | undefined {
  if (typeof value === "string")
    return /^[0-9a-f]+$/i.test(value) ? value.toLowerCase() : undefined;
  if (value instanceof ArrayBuffer) return toHex(new Uint8Array(value));
  if (ArrayBuffer.isView(value)) {
    return toHex(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  }
  return undefined;
}
