/** The first `byteLength` bytes of `chunks`, joined into one array. */
export function concatBytes(
  chunks: readonly Uint8Array[],
  byteLength: number,
): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(byteLength);
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, byteLength - offset);
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}
