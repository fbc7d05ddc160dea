import { S3ServiceException } from "@aws-sdk/client-s3";
import { StorageApiError } from "@supabase/storage-js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalize } from "../../src/errors/normalize.js";
import { normalizeResponse } from "../../src/errors/normalize-response.js";
import type { StorageError } from "../../src/errors/storage-error.js";

const secret = fc.stringMatching(/^[A-Za-z0-9]{24,40}$/);

/** Each way a secret reaches an error: the same random value in every known shape. */
const SHAPES: readonly ((s: string) => string)[] = [
  (s) =>
    `Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/x, SignedHeaders=host, Signature=${s}`,
  (s) => `authorization=${s}, next`,
  (s) => `Credential=${s}/20261122/us-east-1/s3/aws4_request`,
  (s) => `Authorization: Bearer ${s}`,
  (s) =>
    `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261122/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=${s}`,
  (s) =>
    `https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=${s}&X-Amz-Date=1`,
  (s) => `https://b.s3.amazonaws.com/k?X-Amz-Security-Token=${s}&X-Amz-Credential=${s}`,
  (s) => `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ${s}.${s}`,
  (s) => `<StringToSign>AWS4-HMAC-SHA256\n${s}</StringToSign>`,
  (s) => `<CanonicalRequest>GET\n/\nx-amz-security-token:${s}\n</CanonicalRequest>`,
  (s) => `<Token-0>${s}</Token-0>`,
  (s) => `<SignatureProvided>${s}</SignatureProvided>`,
  (s) => `<ArgumentValue>${s}</ArgumentValue>`,
  (s) => `https://x.supabase.co/storage/v1/object/b/k?apikey=${s}`,
  (s) => `"apikey": "${s}"`,
  (s) => `x-amz-security-token: ${s}`,
];
const shape = fc.integer({ min: 0, max: SHAPES.length - 1 });
const noise = fc.string({ maxLength: 60 });

function exposed(err: StorageError): string {
  const own = Object.getOwnPropertyNames(err).map((key) =>
    String((err as unknown as Record<string, unknown>)[key]),
  );
  return [
    err.message,
    String(err),
    JSON.stringify(err),
    JSON.stringify(err.toJSON()),
    err.stack,
    ...own,
  ].join("\n");
}

function inputs(text: string, s: string): StorageError[] {
  const sdk = Object.assign(
    new S3ServiceException({
      name: "SignatureDoesNotMatch",
      $fault: "client",
      $metadata: { httpStatusCode: 403 },
      message: text,
    }),
    {
      StringToSign: s,
      CanonicalRequest: s,
      "Token-0": s,
      SignatureProvided: s,
      ArgumentValue: text,
    },
  );
  const xml = `<Error><Code>SignatureDoesNotMatch</Code><Message>${text}</Message><StringToSign>${s}</StringToSign><Token-0>${s}</Token-0><RequestId>${text}</RequestId></Error>`;
  return [
    normalize(new Error(text)),
    normalize(text),
    normalize(new Error(`put: ${text} (10058)`)),
    normalize(sdk),
    normalize(new StorageApiError(text, 400, "403")),
    normalize({ statusCode: "403", error: text, message: text }),
    normalizeResponse({ status: 403, headers: { "x-amz-request-id": text }, body: xml }),
    normalizeResponse({
      status: 400,
      body: JSON.stringify({ statusCode: "403", error: text, message: text, code: text }),
    }),
    normalizeResponse({ status: 502, statusText: text, body: `<html>${text}</html>` }),
  ];
}

describe("redaction (property)", () => {
  it("no secret appears in any message, field, toJSON() or String(err), whatever the input shape", () => {
    fc.assert(
      fc.property(secret, shape, noise, noise, (s, index, before, after) => {
        const text = `${before} ${SHAPES[index]?.(s) ?? s} ${after}`;
        for (const err of inputs(text, s)) expect(exposed(err)).not.toContain(s);
      }),
      { numRuns: 300 },
    );
  });
});
