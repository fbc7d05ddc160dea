import { NoSuchKey, S3ServiceException } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { normalize } from "../../src/errors/normalize.js";

const metadata = (httpStatusCode: number) => ({
  httpStatusCode,
  requestId: "4442587FB7D0A2F9",
  extendedRequestId: "hTy8mYmJ2pqXQ+kdQcS0o1OYt6qsVaZp2OmJwK5Ev2M=",
  attempts: 1,
  totalRetryDelay: 0,
});

function sdkError(
  name: string,
  status: number,
  message: string,
  fields: object = {},
): S3ServiceException {
  const fault = status < 500 ? "client" : "server";
  const error = new S3ServiceException({
    name,
    $fault: fault,
    $metadata: metadata(status),
    message,
  });
  return Object.assign(error, fields);
}

describe("normalize: AWS SDK v3 exceptions", () => {
  it("classifies a real NoSuchKey by its name, keeping name, status and request id", () => {
    const thrown = new NoSuchKey({
      message: "The specified key does not exist.",
      $metadata: metadata(404),
    });
    Object.assign(thrown, { Key: "photos/cat.jpg" });
    const err = normalize(thrown, { operation: "GetObject", bucket: "b" });
    expect(err).toMatchObject({
      kind: "not_found",
      name: "NoSuchKey",
      code: "NoSuchKey",
      status: 404,
      retry: "never",
      provider: "aws",
      requestId: "4442587FB7D0A2F9",
      operation: "GetObject",
    });
    if (err.kind !== "not_found") throw new Error("narrowing");
    expect(err.resource).toBe("key");
    expect(err.key).toBe("photos/cat.jpg");
    expect(err.bucket).toBe("b");
    expect(err.cause).toBe(thrown);
  });

  it("reads copied fields: Region/Endpoint and the x-amz-bucket-region header on a redirect", () => {
    const thrown = sdkError("PermanentRedirect", 301, "Use the endpoint.", {
      Endpoint: "b.s3.eu-west-1.amazonaws.com",
      Bucket: "b",
    });
    Object.defineProperty(thrown, "$response", {
      value: { statusCode: 301, headers: { "x-amz-bucket-region": "eu-west-1" } },
      enumerable: false,
    });
    expect(normalize(thrown)).toMatchObject({
      kind: "redirect",
      retry: "redirect",
      region: "eu-west-1",
      endpoint: "b.s3.eu-west-1.amazonaws.com",
    });
  });

  it("turns AuthorizationHeaderMalformed with a Region into a redirect", () => {
    const thrown = sdkError("AuthorizationHeaderMalformed", 400, "wrong region", {
      Region: "us-west-2",
    });
    expect(normalize(thrown)).toMatchObject({
      kind: "redirect",
      retry: "redirect",
      region: "us-west-2",
    });
  });

  it("computes skewMs from copied ServerTime and RequestTime", () => {
    const thrown = sdkError("RequestTimeTooSkewed", 403, "too skewed", {
      ServerTime: "2026-11-22T05:00:00Z",
      RequestTime: "20261122T044500Z",
    });
    const err = normalize(thrown);
    if (err.kind !== "clock_skew") throw new Error(`expected clock_skew, got ${err.kind}`);
    expect(err.skewMs).toBe(15 * 60_000);
    expect(err.serverTime?.toISOString()).toBe("2026-11-22T05:00:00.000Z");
  });

  it("classifies bodiless HEAD errors by status: NotFound 404, Unknown 403", () => {
    const notFound = normalize(sdkError("NotFound", 404, "UnknownError"));
    expect(notFound).toMatchObject({
      kind: "not_found",
      name: "NotFound",
      status: 404,
      retry: "never",
    });
    const forbidden = normalize(sdkError("Unknown", 403, "UnknownError"));
    expect(forbidden).toMatchObject({ kind: "access_denied", name: "Unknown", status: 403 });
    const unavailable = normalize(sdkError("Unknown", 503, "UnknownError"));
    expect(unavailable).toMatchObject({ kind: "unavailable", retry: "transient" });
  });

  it("classifies a deserialization error (gateway HTML) by $metadata and $response", () => {
    const thrown = new Error(
      "char 'h' is not expected.:1:1\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.",
    );
    Object.defineProperty(thrown, "$response", {
      value: { statusCode: 502, headers: {}, body: "<html><body>502 Bad Gateway</body></html>" },
      enumerable: false,
    });
    Object.assign(thrown, { $metadata: { httpStatusCode: 502 } });
    expect(normalize(thrown)).toMatchObject({
      kind: "unavailable",
      retry: "transient",
      status: 502,
    });
  });

  it("reads the code from a deserialization error whose $response body is S3 XML", () => {
    const thrown = new Error("Deserialization error: inspect the hidden field {error}.$response");
    Object.defineProperty(thrown, "$response", {
      value: {
        statusCode: 503,
        headers: {},
        body: "<Error><Code>SlowDown</Code><Message>slow</Message></Error>",
      },
    });
    Object.assign(thrown, { $metadata: { httpStatusCode: 503 } });
    expect(normalize(thrown)).toMatchObject({
      kind: "throttled",
      code: "SlowDown",
      retry: "throttling",
    });
  });

  it("treats a 200-error the SDK rewrote to 503 as a transient server error", () => {
    const err = normalize(sdkError("InternalError", 503, "We encountered an internal error."));
    expect(err).toMatchObject({ kind: "server_error", retry: "transient", status: 503 });
  });

  it("sees a socket hang up (TimeoutError, code ECONNRESET) as a network error", () => {
    const thrown = Object.assign(new Error("socket hang up"), {
      name: "TimeoutError",
      code: "ECONNRESET",
      $metadata: {},
    });
    expect(normalize(thrown)).toMatchObject({
      kind: "network",
      retry: "transient",
      name: "TimeoutError",
      code: "ECONNRESET",
    });
  });

  it("takes Retry-After hints from $response headers", () => {
    const thrown = sdkError("SlowDown", 503, "Please reduce your request rate.");
    Object.defineProperty(thrown, "$response", {
      value: { statusCode: 503, headers: { "x-amz-retry-after": "2500" } },
    });
    expect(normalize(thrown).retryAfterMs).toBe(2500);
  });

  it("keeps a redacted clone as cause when the SDK copied secrets onto the exception", () => {
    const thrown = sdkError(
      "SignatureDoesNotMatch",
      403,
      "The request signature we calculated does not match.",
      {
        StringToSign: "AWS4-HMAC-SHA256\n20261122T044000Z\nscope\nstsSECRET1234567890",
        CanonicalRequest: "GET\n/\n\nx-amz-security-token:SESSIONsecretTOKEN99\n",
        StringToSignBytes: "41 57 53 bytesSECRET",
        CanonicalRequestBytes: "47 45 54 canonBytesSECRET",
        SignatureProvided: "deadbeefSECRETsignature",
        "Token-0": "tokenZeroSECRET",
      },
    );
    const err = normalize(thrown);
    expect(err).toMatchObject({ kind: "unauthenticated", name: "SignatureDoesNotMatch" });
    const cause = err.cause as Record<string, unknown>;
    expect(cause).not.toBe(thrown);
    expect(cause).toBeInstanceOf(S3ServiceException);
    expect(cause.$metadata).toEqual(thrown.$metadata);
    for (const key of [
      "StringToSign",
      "CanonicalRequest",
      "StringToSignBytes",
      "CanonicalRequestBytes",
      "SignatureProvided",
      "Token-0",
    ]) {
      expect(cause[key]).toBe("[REDACTED]");
    }
    expect((thrown as unknown as Record<string, unknown>)["Token-0"]).toBe("tokenZeroSECRET");
    const text = `${JSON.stringify(err)}${String(err)}${JSON.stringify(cause)}${err.stack}`;
    for (const secret of [
      "stsSECRET",
      "SESSIONsecret",
      "bytesSECRET",
      "canonBytesSECRET",
      "deadbeefSECRET",
      "tokenZeroSECRET",
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("detects R2 and IBM behind the SDK from response headers", () => {
    const r2 = sdkError("TooManyRequests", 429, "Reduce your concurrent request rate.");
    Object.defineProperty(r2, "$response", {
      value: { statusCode: 429, headers: { "cf-ray": "8e1f-AMS" } },
    });
    Object.assign(r2, { $metadata: { httpStatusCode: 429 } });
    expect(normalize(r2)).toMatchObject({
      provider: "r2",
      requestId: "8e1f-AMS",
      kind: "throttled",
    });
    const ibm = sdkError("VaultQuotaExceeded", 507, "quota");
    Object.defineProperty(ibm, "$response", {
      value: { statusCode: 507, headers: { "x-clv-request-id": "abc" } },
    });
    expect(normalize(ibm)).toMatchObject({
      provider: "ibm",
      kind: "quota_exceeded",
      retry: "never",
    });
  });
});

describe("normalize: AWS SDK against other S3 servers", () => {
  it("keeps s3-compatible when the Server header names another server", () => {
    const thrown = new S3ServiceException({
      name: "XMinioServerNotInitialized",
      $fault: "server",
      $metadata: { httpStatusCode: 503 },
      message: "Server not initialized",
    });
    Object.defineProperty(thrown, "$response", {
      value: { statusCode: 503, headers: { server: "MinIO", "x-amz-request-id": "17F9" } },
    });
    expect(normalize(thrown)).toMatchObject({
      provider: "s3-compatible",
      kind: "unavailable",
      retry: "transient",
      code: "XMinioServerNotInitialized",
      requestId: "17F9",
    });
  });
});
