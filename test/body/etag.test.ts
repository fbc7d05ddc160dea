import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bytesAtHand } from "../../src/body/bytes-at-hand.js";
import { multipartEtag, unquoteEtag } from "../../src/body/etag.js";

const md5 = (data: Uint8Array | string) => createHash("md5").update(data).digest();

describe("ETags", () => {
  it("unquotes weak and strong ETags to lower-case hex", () => {
    expect(unquoteEtag('W/"ABCdef"')).toBe("abcdef");
    expect(unquoteEtag('"0f343b0931126a20f133d67c2b018a3b"')).toBe(
      "0f343b0931126a20f133d67c2b018a3b",
    );
  });

  it("computes a multipart ETag as node:crypto does: MD5 of the parts' binary MD5s, then -N", () => {
    const parts = ["first part", "second part", "third"];
    const expected = `${md5(Buffer.concat(parts.map((p) => md5(p)))).toString("hex")}-3`;
    expect(multipartEtag(parts.map((p) => md5(p).toString("hex")))).toBe(expected);
  });

  it("gives no multipart ETag without parts or with a part that is not an MD5", () => {
    expect(multipartEtag([])).toBeUndefined();
    expect(multipartEtag([md5("a").toString("hex"), "abc-2"])).toBeUndefined();
  });
});

describe("bytesAtHand", () => {
  it("reads strings, bytes, views and Blobs, and nothing from a stream", async () => {
    expect(await bytesAtHand("hé")).toEqual(new TextEncoder().encode("hé"));
    expect(await bytesAtHand(new Uint16Array([1]))).toEqual(new Uint8Array([1, 0]));
    expect(await bytesAtHand(new Blob(["blob"]))).toEqual(new TextEncoder().encode("blob"));
    expect(await bytesAtHand(null)).toEqual(new Uint8Array(0));
    expect(await bytesAtHand(new ReadableStream())).toBeUndefined();
  });
});
