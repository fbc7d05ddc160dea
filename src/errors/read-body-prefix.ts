/** How much of a response body is ever decoded, in bytes (or characters for strings). */
export const MAX_BODY_PREFIX_BYTES = 65_536;

// Made on first use: a module-level `new TextDecoder()` is import-time work no bundler can drop.
let decoder: TextDecoder | undefined;

/** Decodes at most `maxBytes` of a body; anything else (streams, objects) reads as "". */
export function readBodyPrefix(body: unknown, maxBytes = MAX_BODY_PREFIX_BYTES): string {
  if (typeof body === "string") return body.length > maxBytes ? body.slice(0, maxBytes) : body;
  let bytes: Uint8Array | undefined;
  if (body instanceof Uint8Array) bytes = body;
  else if (body instanceof ArrayBuffer)
    bytes = new Uint8Array(body, 0, Math.min(body.byteLength, maxBytes));
  if (bytes === undefined) return "";
  const prefix = bytes.byteLength > maxBytes ? bytes.subarray(0, maxBytes) : bytes;
  decoder ??= new TextDecoder("utf-8", { fatal: false });
  return decoder.decode(prefix);
}
