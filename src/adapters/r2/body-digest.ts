import { md5Hex, toHex } from "../../body/md5.js";

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
