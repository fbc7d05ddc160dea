import { describe, expect, it } from "vitest";
import { normalize } from "../../src/errors/normalize.js";
import { normalizeResponse } from "../../src/errors/normalize-response.js";
import { redactSecrets } from "../../src/errors/redact.js";
import { redactCause } from "../../src/errors/redact-cause.js";

describe("redactSecrets", () => {
  it.each([
    [
      "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/x, Signature=abc123def",
      "abc123def",
    ],
    ["Bearer abcdefghijklmnop.qrstu", "abcdefghijklmnop"],
    ["https://b/k?X-Amz-Signature=0123abcd&X-Amz-Security-Token=tok999", "0123abcd"],
    ["https://b/k?X-Amz-Security-Token=tok999&x=1", "tok999"],
    ["token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", "c2lnbmF0dXJl"],
    ["<Token-0>sessiontokenvalue</Token-0>", "sessiontokenvalue"],
    ['{"apikey":"sb_publishable_abc123xyz"}', "abc123xyz"],
    ["x-amz-security-token:FwoGZXIvYXdzEXAMPLE", "FwoGZXIvYXdzEXAMPLE"],
    ["<StringToSign>AWS4-HMAC-SHA256 cut off mid-secret", "cut off mid-secret"],
  ])("removes the secret from %j", (text, secret) => {
    expect(redactSecrets(text)).not.toContain(secret);
  });

  it("leaves ordinary messages alone and caps their length", () => {
    expect(redactSecrets("The specified key does not exist.")).toBe(
      "The specified key does not exist.",
    );
    expect(redactSecrets("x".repeat(5_000)).length).toBe(1_025);
  });
});

describe("redacted causes", () => {
  it("returns the original when it holds no secret, a redacted clone otherwise", () => {
    const clean = new Error("plain");
    expect(redactCause(clean)).toBe(clean);
    const dirty = Object.assign(new Error("Authorization: Bearer secretvalue123"), {
      Region: "eu",
    });
    const clone = redactCause(dirty) as Error & { Region: string };
    expect(clone).not.toBe(dirty);
    expect(clone).toBeInstanceOf(Error);
    expect(clone.message).not.toContain("secretvalue123");
    expect(clone.stack).not.toContain("secretvalue123");
    expect(clone.Region).toBe("eu");
    expect(dirty.message).toContain("secretvalue123");
  });

  it("keeps a response as cause, its body redacted when it held secrets", () => {
    const response = {
      status: 403,
      body: "<Error><Code>SignatureDoesNotMatch</Code><StringToSign>topsecret42</StringToSign></Error>",
    };
    const err = normalizeResponse(response);
    expect(JSON.stringify(err.cause)).not.toContain("topsecret42");
    expect(response.body).toContain("topsecret42");
    const plain = { status: 404, body: "<Error><Code>NoSuchKey</Code></Error>" };
    expect(normalizeResponse(plain).cause).toBe(plain);
  });

  it("redacts a thrown string kept as cause", () => {
    expect(String(normalize("apikey=abcdef123456 failed").cause)).not.toContain("abcdef123456");
  });
});
