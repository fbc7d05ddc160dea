import { StorageApiError, StorageUnknownError } from "@supabase/storage-js";
import { describe, expect, it } from "vitest";
import { lookupSupabaseMessage } from "../../src/errors/catalogue/find-supabase-row.js";
import { normalize } from "../../src/errors/normalize.js";
import { normalizeResponse } from "../../src/errors/normalize-response.js";

describe("normalize: Supabase Storage errors", () => {
  it("reads a StorageApiError's body statusCode, not the HTTP 400", () => {
    const thrown = new StorageApiError("Object not found", 400, "404");
    expect(normalize(thrown)).toMatchObject({
      kind: "not_found",
      status: 404,
      provider: "supabase",
      name: "StorageApiError",
      retry: "never",
    });
  });

  it("uses the code storage-js 2.112+ sets", () => {
    const thrown = Object.assign(new StorageApiError("jwt expired", 400, "400"), {
      code: "InvalidJWT",
    });
    expect(normalize(thrown)).toMatchObject({
      kind: "unauthenticated",
      code: "InvalidJWT",
      retry: "credentials",
    });
  });

  it("falls back on the status for HTML or empty bodies: StorageApiError(statusText, status, String(status))", () => {
    expect(normalize(new StorageApiError("Bad Gateway", 502, "502"))).toMatchObject({
      kind: "unavailable",
      retry: "transient",
      status: 502,
    });
  });

  it("unwraps StorageUnknownError's originalError ('fetch failed' with a cause) into a network error", () => {
    const original = new TypeError("fetch failed", {
      cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
    });
    const err = normalize(new StorageUnknownError("fetch failed", original));
    expect(err).toMatchObject({
      kind: "network",
      code: "ECONNRESET",
      provider: "supabase",
      retry: "transient",
    });
  });

  it("normalizes the error of a { data, error } result", () => {
    const result = { data: null, error: new StorageApiError("Bucket not found", 400, "404") };
    expect(normalize(result)).toMatchObject({ kind: "not_found", status: 404 });
  });

  it("normalizes raw body objects older clients returned, with or without code", () => {
    expect(
      normalize({ statusCode: "409", error: "Duplicate", message: "The resource already exists" }),
    ).toMatchObject({
      kind: "already_exists",
      status: 409,
      providerCode: "Duplicate",
    });
    expect(
      normalize({
        data: null,
        error: {
          statusCode: "429",
          error: "SlowDown",
          message: "Rate limit exceeded, retry in 7 seconds",
          code: "SlowDown",
        },
      }),
    ).toMatchObject({ kind: "throttled", retryAfterMs: 7000 });
  });
});

describe("normalize: Supabase labels across server versions", () => {
  it("matches labels without regard to case or spacing", () => {
    expect(
      normalize({ statusCode: "404", error: "BUCKET NOT FOUND", message: "bucket not found" }),
    ).toMatchObject({
      kind: "not_found",
      code: "NoSuchBucket",
    });
    expect(
      normalize({
        statusCode: "404",
        error: "NoSuchKey",
        message: "OBJECT NOT FOUND",
        code: "NoSuchKey",
      }),
    ).toMatchObject({
      kind: "not_found",
      code: "NoSuchKey",
      resource: "key",
    });
  });
});

describe("normalize: Supabase legacy codes in the `code` field", () => {
  const legacy = [
    ["not_found", 404, "not_found", "never"],
    ["already_exists", 409, "already_exists", "never"],
    ["unauthorized", 403, "access_denied", "never"],
    ["too many requests", 429, "throttled", "throttling"],
    ["database_timeout", 544, "timeout", "transient"],
    ["internal_server_error", 500, "server_error", "transient"],
  ] as const;

  it.each(legacy)("reads code %s (body status %i) as %s / %s", (code, status, kind, retry) => {
    const body = JSON.stringify({ httpStatusCode: status, code, message: "legacy" });
    for (const error of [
      normalizeResponse({ status: 400, body }),
      normalize({ httpStatusCode: status, code, message: "legacy" }),
    ]) {
      expect(error).toMatchObject({
        kind,
        retry,
        status,
        provider: "supabase",
        providerCode: code,
      });
    }
  });

  it("reads the code storage-js 2.109 puts in statusCode when the body has no statusCode", () => {
    // 2.109: statusCode = body.statusCode || body.code || String(httpStatus).
    const thrown = new StorageApiError("The resource already exists", 400, "already_exists");
    expect(normalize(thrown)).toMatchObject({
      kind: "already_exists",
      status: 409,
      providerCode: "already_exists",
    });
  });
});

describe("normalize: JWT failures Supabase sends as AccessDenied or InvalidJWT", () => {
  const refused = [
    "Invalid Compact JWS",
    "signature verification failed",
    '"alg" (Algorithm) Header Parameter value not allowed',
    '"nbf" claim timestamp check failed',
    'missing required "exp" claim',
    "JWS Protected Header incorrect type",
    "no applicable key found in the JSON Web Key Set",
    "jwt malformed",
    "invalid signature",
    "Invalid JWT",
  ];
  const accessDenied = (message: string) =>
    JSON.stringify({ statusCode: "403", error: "Unauthorized", message, code: "AccessDenied" });

  it("reads an expired JWT (jose and jsonwebtoken) as unauthenticated / credentials", () => {
    for (const message of ['"exp" claim timestamp check failed', "jwt expired"]) {
      expect(normalizeResponse({ status: 400, body: accessDenied(message) })).toMatchObject({
        kind: "unauthenticated",
        code: "InvalidJWT",
        retry: "credentials",
        status: 403,
        providerCode: "AccessDenied",
      });
    }
  });

  it.each(refused)("reads %s as unauthenticated / never", (message) => {
    const error = normalizeResponse({ status: 400, body: accessDenied(message) });
    expect(error).toMatchObject({
      kind: "unauthenticated",
      code: "InvalidJWT",
      retry: "never",
      providerCode: "AccessDenied",
    });
    expect(error.hint).toMatch(/JWT/);
  });

  it("classifies them the same without the code (storage-js 2.109, old servers' label)", () => {
    const expired = new StorageApiError('"exp" claim timestamp check failed', 400, "403");
    expect(normalize(expired)).toMatchObject({ kind: "unauthenticated", retry: "credentials" });
    const garbage = { statusCode: "403", error: "Unauthorized", message: "jwt malformed" };
    expect(normalize(garbage)).toMatchObject({
      kind: "unauthenticated",
      retry: "never",
      providerCode: "Unauthorized",
    });
  });

  it("reads a missing Authorization header as unauthenticated, not a bad request", () => {
    const body = JSON.stringify({
      statusCode: "400",
      error: "Error",
      message: "headers must have required property 'authorization'",
      code: "InvalidRequest",
    });
    expect(normalizeResponse({ status: 400, body })).toMatchObject({
      kind: "unauthenticated",
      retry: "never",
      providerCode: "InvalidRequest",
    });
  });

  it("keeps AccessDenied for row-level security and other refusals", () => {
    for (const message of [
      "new row violates row-level security policy",
      "Access denied: Invalid role",
    ]) {
      expect(normalizeResponse({ status: 400, body: accessDenied(message) })).toMatchObject({
        kind: "access_denied",
        code: "AccessDenied",
        retry: "never",
      });
    }
  });

  it("leaves a JWT-like message alone under another code", () => {
    const body = JSON.stringify({
      statusCode: "400",
      error: "InvalidKey",
      message: "Invalid key: jwt expired.txt",
      code: "InvalidKey",
    });
    expect(normalizeResponse({ status: 400, body })).toMatchObject({ kind: "invalid_request" });
  });
});

describe("normalize: the server's fixed messages when the code is lost", () => {
  it.each([
    ["409", "The resource already exists", "already_exists", "ResourceAlreadyExists"],
    ["404", "Bucket not found", "not_found", "NoSuchBucket"],
    ["404", "Object not found", "not_found", "NoSuchKey"],
    ["409", "The bucket you tried to delete is not empty", "conflict", "ResourceNotEmpty"],
    ["415", "mime type text/plain is not supported", "invalid_request", "InvalidMimeType"],
    ["403", "new row violates row-level security policy", "access_denied", "AccessDenied"],
    ["544", "The connection to the database timed out", "timeout", "DatabaseTimeout"],
  ])(
    "a StorageApiError (statusCode %s, %s) is %s / %s with its hint",
    (status, message, kind, code) => {
      const error = normalize(new StorageApiError(message, 400, status));
      expect(error).toMatchObject({ kind, code, status: Number(status) });
      // The hint of the row the message stands for (or, for JWT messages, its own).
      expect(error.hint).toMatch(/\w{3,}.*\w{3,}/);
      expect(error.hint).toBe(lookupSupabaseMessage(message, Number(status))?.hint);
      // Nothing but the message was known: no provider code is invented.
      expect(error.providerCode).toBeUndefined();
    },
  );

  it("reads a message only under the status it comes with", () => {
    expect(normalize(new StorageApiError("Object not found", 400, "500"))).toMatchObject({
      kind: "server_error",
    });
  });
});

describe("providerCode: the code when the provider sent one (both paths agree)", () => {
  const body = {
    statusCode: "404",
    error: "Bucket not found",
    message: "Bucket not found",
    code: "NoSuchBucket",
  };

  it("is the body's code on the raw-response path and for a raw body object", () => {
    expect(normalizeResponse({ status: 400, body: JSON.stringify(body) }).providerCode).toBe(
      "NoSuchBucket",
    );
    expect(normalize(body).providerCode).toBe("NoSuchBucket");
    const fastify = { ...body, error: "FastifyError", code: "InvalidRequest", statusCode: "400" };
    expect(normalizeResponse({ status: 400, body: JSON.stringify(fastify) }).providerCode).toBe(
      "InvalidRequest",
    );
  });

  it("is the label when no code was sent", () => {
    const { code: _code, ...legacy } = body;
    expect(normalizeResponse({ status: 400, body: JSON.stringify(legacy) }).providerCode).toBe(
      "Bucket not found",
    );
  });
});
