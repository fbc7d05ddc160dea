import { describe, expect, it } from "vitest";
import {
  ALL_TABLES,
  CATALOGUES,
  classifyStatus,
  lookupCode,
  lookupR2Code,
  lookupSupabaseLabel,
} from "../../src/errors/catalogue/index.js";

describe("lookupCode", () => {
  it.each([
    "Precondition Failed",
    "preconditionfailed",
    " PRECONDITION\tfailed ",
    "PreconditionFailed",
  ])("reads Yandex's %j as PreconditionFailed", (code) => {
    const row = lookupCode(ALL_TABLES, "yandex", code);
    expect(row?.code).toBe("PreconditionFailed");
    expect(CATALOGUES.yandex).toContain(row);
  });

  it("reads IBM's KeyTooLong as KeyTooLongError", () => {
    expect(lookupCode(ALL_TABLES, "ibm", "KeyTooLong")?.code).toBe("KeyTooLongError");
  });

  it("prefers the provider's own row over the S3 base", () => {
    expect(lookupCode(ALL_TABLES, "r2", "NoSuchKey")?.r2Code).toBe(10007);
    expect(lookupCode(ALL_TABLES, "supabase", "SlowDown")?.status).toBe(429);
    expect(lookupCode(ALL_TABLES, "aws", "SlowDown")?.status).toBe(503);
  });

  it("falls back on the S3 table for codes the provider does not define", () => {
    const row = lookupCode(ALL_TABLES, "r2", "NoSuchBucketPolicy");
    expect(row).toBeDefined();
    expect(CATALOGUES.aws).toContain(row);
    expect(lookupCode(ALL_TABLES, "supabase", "OperationAborted")?.retry).toBe("conflict");
  });

  it("searches every table for unknown and s3-compatible dialects, AWS first", () => {
    expect(lookupCode(ALL_TABLES, "unknown", "VaultQuotaExceeded")?.kind).toBe("quota_exceeded");
    expect(lookupCode(ALL_TABLES, "s3-compatible", "CloudTotalAliveSizeQuotaExceed")?.kind).toBe(
      "quota_exceeded",
    );
    expect(CATALOGUES.aws).toContain(lookupCode(ALL_TABLES, "s3-compatible", "NoSuchKey"));
  });

  it("does not lend one provider's own codes to another", () => {
    expect(lookupCode(ALL_TABLES, "aws", "VaultQuotaExceeded")).toBeUndefined();
    expect(lookupCode(ALL_TABLES, "yandex", "InvalidJWT")).toBeUndefined();
    expect(lookupCode(ALL_TABLES, "aws", "NoSuchThing")).toBeUndefined();
    expect(lookupCode(ALL_TABLES, "aws", "")).toBeUndefined();
  });
});

describe("lookupR2Code", () => {
  it("maps both 10025 and 10048 to InvalidPart", () => {
    expect(lookupR2Code(ALL_TABLES, 10025)?.code).toBe("InvalidPart");
    expect(lookupR2Code(ALL_TABLES, 10048)?.code).toBe("InvalidPart");
    expect(lookupR2Code(ALL_TABLES, 10048)?.hint).not.toBe(lookupR2Code(ALL_TABLES, 10025)?.hint);
  });

  it("knows 0 as an unspecified, retryable error and nothing for an unknown number", () => {
    expect(lookupR2Code(ALL_TABLES, 0)?.retry).toBe("transient");
    expect(lookupR2Code(ALL_TABLES, 99999)).toBeUndefined();
  });
});

describe("lookupSupabaseLabel", () => {
  it.each([
    ["Invalid JWT", "InvalidJWT"],
    ["invalidjwt", "InvalidJWT"],
    ["BUCKET NOT FOUND", "NoSuchBucket"],
    ["Duplicate", "ResourceAlreadyExists"],
    ["too many requests", "TooManyRequests"],
    ["database_timeout", "DatabaseTimeout"],
  ])("reads %j as %s", (label, code) => {
    expect(lookupSupabaseLabel(label)?.code).toBe(code);
  });

  it("returns undefined for a label it does not know", () => {
    expect(lookupSupabaseLabel("something_else")).toBeUndefined();
  });
});

describe("classifyStatus", () => {
  it.each([
    [301, "redirect", "redirect", "PermanentRedirect"],
    [304, "not_modified", "never", "NotModified"],
    [307, "redirect", "redirect", "TemporaryRedirect"],
    [400, "invalid_request", "never", "BadRequest"],
    [401, "unauthenticated", "never", "Unauthorized"],
    [403, "access_denied", "never", "Forbidden"],
    [404, "not_found", "never", "NotFound"],
    [405, "not_implemented", "never", "MethodNotAllowed"],
    [408, "timeout", "never", "RequestTimeout"],
    [409, "conflict", "never", "Conflict"],
    [411, "invalid_request", "never", "MissingContentLength"],
    [412, "precondition_failed", "never", "PreconditionFailed"],
    [413, "too_large", "never", "EntityTooLarge"],
    [415, "invalid_request", "never", "UnsupportedMediaType"],
    [416, "range_not_satisfiable", "never", "InvalidRange"],
    [418, "invalid_request", "never", "BadRequest"],
    [423, "locked", "never", "Locked"],
    [429, "throttled", "throttling", "TooManyRequests"],
    [500, "server_error", "transient", "InternalError"],
    [501, "not_implemented", "never", "NotImplemented"],
    [502, "unavailable", "transient", "BadGateway"],
    [503, "unavailable", "transient", "ServiceUnavailable"],
    [504, "timeout", "transient", "GatewayTimeout"],
    [507, "quota_exceeded", "never", "InsufficientStorage"],
    [520, "server_error", "transient", "InternalError"],
    [544, "server_error", "transient", "InternalError"],
    [200, "unknown", "never", "Unknown"],
    [undefined, "unknown", "never", "Unknown"],
  ] as const)("classifies %s as %s/%s (%s)", (status, kind, retry, code) => {
    expect(classifyStatus(status)).toEqual({ kind, retry, code });
  });

  it("retries no status below 500 except 429", () => {
    for (let status = 100; status < 500; status += 1) {
      const { retry } = classifyStatus(status);
      if (status === 429) expect(retry).toBe("throttling");
      else if (status === 301 || status === 307) expect(retry).toBe("redirect");
      else expect(retry, String(status)).toBe("never");
    }
  });
});

describe("codes that defer to the status", () => {
  it.each([
    ["aws", "Unknown"],
    ["supabase", "S3Error"],
  ] as const)("%s %s is documented but not looked up, so the status decides", (provider, code) => {
    expect(CATALOGUES[provider].some((row) => row.code === code)).toBe(true);
    expect(lookupCode(ALL_TABLES, provider, code)).toBeUndefined();
  });
});
