import { describe, expect, it } from "vitest";
import { decodeAwsChunked } from "../../../src/adapters/aws-sdk/decode-aws-chunked.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array | undefined) => (data ? new TextDecoder().decode(data) : undefined);

describe("decodeAwsChunked", () => {
  it("decodes the SDK's unsigned framing with a checksum trailer", () => {
    const decoded = decodeAwsChunked(
      bytes("3\r\nhel\r\n2\r\nlo\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n"),
    );
    expect(text(decoded?.data)).toBe("hello");
    expect(decoded?.trailers).toEqual({ "x-amz-checksum-crc32": "NhCmhg==" });
  });

  it("ignores chunk extensions (signed chunks) and keeps bytes that look like framing", () => {
    const body = "a;chunk-signature=ab12\r\n0\r\n\r\nxyzwv\r\n0;chunk-signature=cd34\r\n\r\n";
    const decoded = decodeAwsChunked(bytes(body));
    expect(text(decoded?.data)).toBe("0\r\n\r\nxyzwv");
    expect(decoded?.trailers).toEqual({});
  });

  it("refuses bytes that are not aws-chunked", () => {
    expect(decodeAwsChunked(bytes("hello"))).toBeUndefined();
    expect(decodeAwsChunked(bytes("5\r\nhel"))).toBeUndefined();
    expect(decodeAwsChunked(bytes("3\r\nhelXX0\r\n\r\n"))).toBeUndefined();
  });
});
