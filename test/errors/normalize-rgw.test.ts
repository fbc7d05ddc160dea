// radosgw sends empty <Message>s, so the SDK's exceptions say "UnknownError": the name is the code.
import { S3ServiceException } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { isRgwRequestId } from "../../src/errors/detect-provider.js";
import { isGenericSdkName } from "../../src/errors/from-thrown/sdk-generic-names.js";
import { normalize } from "../../src/errors/normalize.js";
import { normalizeResponse } from "../../src/errors/normalize-response.js";

const RGW_ID = "tx0000034818a84f754d299-006b0f4390-1013-default";

function sdkError(name: string, status: number, requestId?: string): S3ServiceException {
  return new S3ServiceException({
    name,
    $fault: status < 500 ? "client" : "server",
    message: "UnknownError",
    $metadata: { httpStatusCode: status, ...(requestId === undefined ? {} : { requestId }) },
  });
}

describe("normalize: an SDK exception whose message is UnknownError", () => {
  it.each([
    ["RequestTimeTooSkewed", 403, "clock_skew", "clock_skew"],
    ["NoSuchKey", 404, "not_found", "never"],
    ["NoSuchBucket", 404, "not_found", "never"],
    ["BucketAlreadyExists", 409, "already_exists", "never"],
    ["InvalidAccessKeyId", 403, "unauthenticated", "never"],
    ["SignatureDoesNotMatch", 403, "unauthenticated", "never"],
    ["EntityTooLarge", 400, "too_large", "never"],
    ["TooManyBuckets", 400, "quota_exceeded", "never"],
    ["SlowDown", 503, "throttled", "throttling"],
  ] as const)("keeps %s (HTTP %i) as the code", (name, status, kind, retry) => {
    const err = normalize(sdkError(name, status));
    expect(err).toMatchObject({ kind, retry, code: name, name, status, providerCode: name });
    expect(normalize(sdkError(name, status, RGW_ID))).toMatchObject({
      kind,
      retry,
      code: name,
      provider: "ceph",
      requestId: RGW_ID,
    });
  });

  it("reads radosgw's own codes once the request id says radosgw answered", () => {
    expect(normalize(sdkError("QuotaExceeded", 403, RGW_ID))).toMatchObject({
      kind: "quota_exceeded",
      retry: "never",
      code: "QuotaExceeded",
      provider: "ceph",
    });
    expect(normalize(sdkError("UserSuspended", 403, RGW_ID))).toMatchObject({
      kind: "access_denied",
      code: "UserSuspended",
    });
    expect(normalize(sdkError("NoSuchTagSetError", 404, RGW_ID))).toMatchObject({
      kind: "not_found",
      resource: "tag_set",
    });
  });

  it("keeps the code the SDK copied into Code when name is generic", () => {
    const thrown = Object.assign(sdkError("403", 403), { Code: "QuotaExceeded" });
    expect(normalize(thrown, { provider: "ceph" })).toMatchObject({ kind: "quota_exceeded" });
  });
});

describe("normalize: the SDK's generic names for answers without a code", () => {
  it.each([
    ["Unknown", 403, "access_denied", "Forbidden"],
    ["NotFound", 404, "not_found", "NotFound"],
    ["403", 403, "access_denied", "Forbidden"],
    ["304", 304, "not_modified", "NotModified"],
    ["412", 412, "precondition_failed", "PreconditionFailed"],
    ["Forbidden", 403, "access_denied", "Forbidden"],
    ["BadRequest", 400, "invalid_request", "BadRequest"],
    ["NotModified", 304, "not_modified", "NotModified"],
    ["", 503, "unavailable", "ServiceUnavailable"],
    ["Error", 500, "server_error", "InternalError"],
  ] as const)("reads %j (HTTP %i) by its status", (name, status, kind, code) => {
    expect(normalize(sdkError(name, status))).toMatchObject({ kind, code, status });
  });

  it("knows real codes from placeholders", () => {
    expect(isGenericSdkName(undefined)).toBe(true);
    expect(isGenericSdkName("500")).toBe(true);
    expect(isGenericSdkName("QuotaExceeded")).toBe(false);
    expect(isGenericSdkName("UnknownError")).toBe(false);
    expect(isGenericSdkName("PreconditionFailed")).toBe(false);
  });
});

describe("normalize: a bodiless 403 whose Date is far from the client's clock", () => {
  const nowMs = Date.parse("2026-12-01T12:00:00Z");
  const headError = (date: string) => {
    const error = sdkError("Unknown", 403, RGW_ID);
    Object.defineProperty(error, "$response", {
      value: { statusCode: 403, headers: { date, "x-amz-request-id": RGW_ID } },
      enumerable: false,
    });
    return error;
  };

  it("is clock skew (a HEAD signed 20 minutes off), with the server's time", () => {
    const err = normalize(headError("Tue, 01 Dec 2026 12:20:00 GMT"), { nowMs });
    expect(err).toMatchObject({ kind: "clock_skew", retry: "clock_skew", provider: "ceph" });
    if (err.kind !== "clock_skew") throw new Error("narrowing");
    expect(err.serverTime?.toISOString()).toBe("2026-12-01T12:20:00.000Z");
  });

  it("stays access_denied within 15 minutes", () => {
    const err = normalize(headError("Tue, 01 Dec 2026 12:10:00 GMT"), { nowMs });
    expect(err).toMatchObject({ kind: "access_denied", code: "Forbidden" });
  });
});

describe("radosgw detection", () => {
  it("recognises its transaction ids and nothing like AWS's", () => {
    expect(isRgwRequestId(RGW_ID)).toBe(true);
    expect(isRgwRequestId("tx000000000000000000001-0065a1b2c3-10a7-zg.eu-1")).toBe(true);
    expect(isRgwRequestId("4442587FB7D0A2F9")).toBe(false);
    expect(isRgwRequestId("tx00000-default")).toBe(false);
    expect(isRgwRequestId(undefined)).toBe(false);
  });

  const body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>QuotaExceeded</Code><Message></Message><BucketName>b</BucketName><RequestId>${RGW_ID}</RequestId><HostId>1013-default-default</HostId></Error>`;

  it("reads QuotaExceeded from the wire as radosgw's quota_exceeded, with or without headers", () => {
    const withHeader = normalizeResponse({
      status: 403,
      headers: { "x-amz-request-id": RGW_ID, "content-type": "application/xml" },
      body,
    });
    expect(withHeader).toMatchObject({
      provider: "ceph",
      kind: "quota_exceeded",
      code: "QuotaExceeded",
      providerCode: "QuotaExceeded",
      requestId: RGW_ID,
      status: 403,
    });
    expect(normalizeResponse({ status: 403, body })).toMatchObject({
      provider: "ceph",
      kind: "quota_exceeded",
    });
  });

  it("still says ceph behind a proxy that adds a Server header", () => {
    const err = normalizeResponse({
      status: 403,
      headers: { "x-amz-request-id": RGW_ID, server: "nginx" },
      body,
    });
    expect(err.provider).toBe("ceph");
  });

  it("reads radosgw's `Not Found` (with a space) as NotFound", () => {
    const err = normalizeResponse({
      status: 404,
      headers: { "x-amz-request-id": RGW_ID },
      body: "<Error><Code>Not Found</Code></Error>",
    });
    expect(err).toMatchObject({ kind: "not_found", code: "NotFound", providerCode: "Not Found" });
  });
});
