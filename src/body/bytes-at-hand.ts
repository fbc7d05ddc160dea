/**
 * A request body's bytes when they are at hand without consuming anything: strings, bytes,
 * typed arrays and Blobs (`null`/`undefined`: empty); undefined for a stream or anything else.
 */
export async function bytesAtHand(body: unknown): Promise<Uint8Array | undefined> {
  if (body === null || body === undefined) return new Uint8Array(0);
  if (typeof body === "string") return new TextEncoder().encode(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body))
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  // A Blob from any realm (Workers, Node, a Miniflare proxy): arrayBuffer() and no reader.
  const blob = body as { arrayBuffer?: unknown; getReader?: unknown };
  if (typeof blob.arrayBuffer === "function" && typeof blob.getReader !== "function") {
    return new Uint8Array(await (body as Blob).arrayBuffer());
  }
  return undefined;
}
