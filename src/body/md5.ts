// MD5 (RFC 1321). WebCrypto has no MD5, and the core may not use Node's crypto; reconciliation
// needs it only to compare a body we sent with the ETag a server computed from it.

/** An incremental MD5: feed chunks with `update`, then read the 16-byte `digest` once. */
export interface Md5 {
  update(chunk: Uint8Array): Md5;
  digest(): Uint8Array;
}

// Per step: the left rotation, the message word used, and K[i] = floor(2^32 * |sin(i + 1)|).
const ROTATIONS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const SHIFT = Uint8Array.from({ length: 64 }, (_, i) => ROTATIONS[(i >> 4) * 4 + (i & 3)] ?? 0);
const WORD = Uint8Array.from({ length: 64 }, (_, i) => {
  const round = i >> 4;
  if (round === 0) return i;
  if (round === 1) return (5 * i + 1) & 15;
  if (round === 2) return (3 * i + 5) & 15;
  return (7 * i) & 15;
});
const K = Int32Array.from({ length: 64 }, (_, i) =>
  Math.floor(2 ** 32 * Math.abs(Math.sin(i + 1))),
);

/** Creates an incremental MD5 hash. */
export function createMd5(): Md5 {
  const state = Uint32Array.of(0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476);
  const block = new Uint8Array(64);
  const words = new Int32Array(16);
  let buffered = 0;
  let totalBytes = 0;
  let done = false;

  const blockView = new DataView(block.buffer);
  const compress = (source: DataView = blockView, at = 0): void => {
    for (let i = 0; i < 16; i++) words[i] = source.getInt32(at + i * 4, true);
    let a = state[0] as number;
    let b = state[1] as number;
    let c = state[2] as number;
    let d = state[3] as number;
    for (let i = 0; i < 64; i++) {
      let f: number;
      if (i < 16) f = (b & c) | (~b & d);
      else if (i < 32) f = (d & b) | (~d & c);
      else if (i < 48) f = b ^ c ^ d;
      else f = c ^ (b | ~d);
      const sum = (a + f + (K[i] as number) + (words[WORD[i] as number] as number)) | 0;
      const shift = SHIFT[i] as number;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0;
    }
    state[0] = (state[0] as number) + a;
    state[1] = (state[1] as number) + b;
    state[2] = (state[2] as number) + c;
    state[3] = (state[3] as number) + d;
  };

  const hash: Md5 = {
    update(chunk) {
      if (done) throw new TypeError("bucketguard: md5.update() after digest()");
      totalBytes += chunk.byteLength;
      let offset = 0;
      if (buffered === 0 && chunk.byteLength >= 64) {
        // Whole blocks straight from the chunk, without copying.
        const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        for (; offset + 64 <= chunk.byteLength; offset += 64) compress(view, offset);
      }
      while (offset < chunk.byteLength) {
        const take = Math.min(64 - buffered, chunk.byteLength - offset);
        block.set(chunk.subarray(offset, offset + take), buffered);
        buffered += take;
        offset += take;
        if (buffered === 64) {
          compress();
          buffered = 0;
        }
      }
      return hash;
    },
    digest() {
      if (done) throw new TypeError("bucketguard: md5.digest() called twice");
      done = true;
      // Padding: 0x80, zeros to 56 mod 64, then the length in bits, little-endian, 64 bits.
      const bits = totalBytes * 8;
      block[buffered++] = 0x80;
      if (buffered > 56) {
        block.fill(0, buffered);
        compress();
        buffered = 0;
      }
      block.fill(0, buffered, 56);
      blockView.setUint32(56, bits >>> 0, true);
      blockView.setUint32(60, Math.floor(bits / 2 ** 32), true);
      compress();
      const out = new Uint8Array(16);
      const outView = new DataView(out.buffer);
      for (let i = 0; i < 4; i++) outView.setUint32(i * 4, state[i] ?? 0, true);
      return out;
    },
  };
  return hash;
}

/** MD5 of `data` (one buffer or its chunks in order), as 32 lower-case hex digits. */
export function md5Hex(data: Uint8Array | readonly Uint8Array[]): string {
  const hash = createMd5();
  for (const chunk of data instanceof Uint8Array ? [data] : data) hash.update(chunk);
  return toHex(hash.digest());
}

/** Lower-case hex of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += byte.toString(16).padStart(2, "0");
  return text;
}
