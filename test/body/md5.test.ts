import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createMd5, md5Hex } from "../../src/body/md5.js";

const text = (value: string) => new TextEncoder().encode(value);

// The test suite of RFC 1321, appendix A.5.
const RFC_1321_SUITE: readonly [string, string][] = [
  ["", "d41d8cd98f00b204e9800998ecf8427e"],
  ["a", "0cc175b9c0f1b6a831c399e269772661"],
  ["abc", "900150983cd24fb0d6963f7d28e17f72"],
  ["message digest", "f96b697d7cb7938d525a2f31aaf161d0"],
  ["abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"],
  [
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "d174ab98d277d9f5a5611c2c9f419d9f",
  ],
  [
    "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
    "57edf4a22be3c955ac49da2e2107b67a",
  ],
];

describe("md5", () => {
  it.each(RFC_1321_SUITE)("MD5(%j) is the RFC 1321 value", (input, expected) => {
    expect(md5Hex(text(input))).toBe(expected);
  });

  it("gives the same digest for any split into chunks", () => {
    const input = text(RFC_1321_SUITE[6]?.[0] ?? "");
    for (let cut = 0; cut <= input.length; cut++) {
      const chunks = [input.subarray(0, cut), input.subarray(cut)];
      expect(md5Hex(chunks)).toBe("57edf4a22be3c955ac49da2e2107b67a");
    }
    const bytes = [...input].map((byte) => Uint8Array.of(byte));
    expect(md5Hex(bytes)).toBe("57edf4a22be3c955ac49da2e2107b67a");
  });

  it("pads correctly around the 55/56/64-byte block edges", () => {
    for (const length of [55, 56, 57, 63, 64, 65, 119, 120, 128]) {
      const input = new Uint8Array(length).fill(0x61);
      expect(md5Hex(input)).toBe(createHash("md5").update(input).digest("hex"));
    }
  });

  it("agrees with Node's MD5 on arbitrary bytes and chunkings", () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 8 }), (chunks) => {
        const node = createHash("md5");
        for (const chunk of chunks) node.update(chunk);
        expect(md5Hex(chunks)).toBe(node.digest("hex"));
      }),
    );
  });

  it("hashes a megabyte the way Node does", () => {
    const input = Uint8Array.from({ length: 1 << 20 }, (_, i) => (i * 31 + 7) & 0xff);
    expect(md5Hex(input)).toBe(createHash("md5").update(input).digest("hex"));
  });

  it("refuses to be used after its digest was read", () => {
    const hash = createMd5().update(text("abc"));
    hash.digest();
    expect(() => hash.update(text("d"))).toThrow(TypeError);
    expect(() => hash.digest()).toThrow(TypeError);
  });
});
