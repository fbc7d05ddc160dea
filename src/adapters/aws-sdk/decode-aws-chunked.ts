/** A request body in `aws-chunked` content encoding, decoded. */
export interface DecodedChunks {
  /** The payload, without chunk framing. */
  data: Uint8Array;
  /** Trailing headers (`x-amz-checksum-crc32: ...`), names in lower case. */
  trailers: Record<string, string>;
}

const CRLF = [13, 10];

function indexOfCrlf(bytes: Uint8Array, from: number): number {
  for (let i = from; i + 1 < bytes.length; i++) {
    if (bytes[i] === CRLF[0] && bytes[i + 1] === CRLF[1]) return i;
  }
  return -1;
}

/**
 * Decodes the `aws-chunked` framing the SDK puts around streamed uploads with a trailing
 * checksum: `<hex size>[;extensions]\r\n<bytes>\r\n` repeated, a zero-size chunk, then the
 * trailer lines and an empty line. Undefined when the bytes are not in that form.
 */
export function decodeAwsChunked(bytes: Uint8Array): DecodedChunks | undefined {
  const text = new TextDecoder();
  const pieces: Uint8Array[] = [];
  let total = 0;
  let at = 0;
  for (;;) {
    const end = indexOfCrlf(bytes, at);
    if (end === -1) return undefined;
    const sizeField = text.decode(bytes.subarray(at, end)).split(";")[0]?.trim() ?? "";
    if (!/^[0-9a-f]+$/i.test(sizeField)) return undefined;
    const size = Number.parseInt(sizeField, 16);
    at = end + 2;
    if (size === 0) break;
    if (at + size + 2 > bytes.length) return undefined;
    pieces.push(bytes.subarray(at, at + size));
    total += size;
    at += size;
    if (bytes[at] !== CRLF[0] || bytes[at + 1] !== CRLF[1]) return undefined;
    at += 2;
  }
  const trailers: Record<string, string> = {};
  for (;;) {
    const end = indexOfCrlf(bytes, at);
    if (end === -1 || end === at) break;
    const line = text.decode(bytes.subarray(at, end));
    const colon = line.indexOf(":");
    if (colon > 0)
      trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    at = end + 2;
  }
  const data = new Uint8Array(total);
  let offset = 0;
  for (const piece of pieces) {
    data.set(piece, offset);
    offset += piece.byteLength;
  }
  return { data, trailers };
}
