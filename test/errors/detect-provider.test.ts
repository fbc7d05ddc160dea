import { describe, expect, it } from "vitest";
import { detectProvider } from "../../src/errors/detect-provider.js";

const from = (headers: Record<string, string>) => (name: string) => headers[name];

describe("detectProvider", () => {
  it("trusts the caller first", () => {
    expect(detectProvider({ given: "yandex", header: from({ "cf-ray": "x" }) })).toBe("yandex");
  });

  it("reads headers: x-clv-request-id, cf-ray, sb-*, x-amz-request-id with and without an S3 server", () => {
    expect(detectProvider({ header: from({ "x-clv-request-id": "a" }) })).toBe("ibm");
    expect(detectProvider({ header: from({ "cf-ray": "a" }) })).toBe("r2");
    expect(
      detectProvider({
        header: from({ "cf-ray": "a" }),
        headerNames: ["cf-ray", "sb-project-ref"],
      }),
    ).toBe("supabase");
    expect(detectProvider({ header: from({ "x-amz-request-id": "a" }) })).toBe("aws");
    expect(detectProvider({ header: from({ "x-amz-id-2": "a", server: "AmazonS3" }) })).toBe("aws");
    expect(detectProvider({ header: from({ "x-amz-request-id": "a", server: "MinIO" }) })).toBe(
      "s3-compatible",
    );
  });

  it("reads the body's shape before cf-ray (Supabase sits behind Cloudflare)", () => {
    expect(detectProvider({ header: from({ "cf-ray": "a" }), supabaseBody: true })).toBe(
      "supabase",
    );
    expect(detectProvider({ header: from({}), xml: { code: "NoSuchKey", ibm: true } })).toBe("ibm");
    expect(
      detectProvider({ header: from({}), xml: { code: "Precondition Failed", ibm: false } }),
    ).toBe("yandex");
    expect(detectProvider({ header: from({}), r2Message: true })).toBe("r2");
  });

  it("calls an unsigned S3 dialect s3-compatible and nothing at all unknown", () => {
    expect(detectProvider({ header: from({}), xml: { code: "X", ibm: false } })).toBe(
      "s3-compatible",
    );
    expect(detectProvider({ header: from({}) })).toBe("unknown");
  });
});
