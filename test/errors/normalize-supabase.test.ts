import { StorageApiError, StorageUnknownError } from "@supabase/storage-js";
import { describe, expect, it } from "vitest";
import { normalize } from "../../src/errors/normalize.js";

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
