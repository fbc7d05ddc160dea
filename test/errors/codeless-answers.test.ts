import { describe, expect, it } from "vitest";
import { KIND_HINTS } from "../../src/errors/catalogue/kind-hints.js";
import { normalize, normalizeResponse } from "../../src/index.js";

const NOW = Date.parse("2026-12-02T10:00:00Z");
const HOUR_AHEAD = "Wed, 02 Dec 2026 11:00:00 GMT";

/** An AWS SDK v3 exception for an answer without a body, as the SDK builds it. */
function bodiless(name: string, status: number, headers: Record<string, string> = {}) {
  return Object.assign(new Error("UnknownError"), {
    name,
    $metadata: { httpStatusCode: status },
    $response: { statusCode: status, headers, body: undefined },
  });
}

describe("answers with no code to read", () => {
  it("a bodiless 404 is NotFound with not_found's default hint, and no provider code", () => {
    const error = normalize(bodiless("NotFound", 404));
    expect(error).toMatchObject({ kind: "not_found", code: "NotFound", retry: "never" });
    expect(error.hint).toBe(KIND_HINTS.not_found);
    expect(error.providerCode).toBeUndefined();
  });

  it("a bodiless 403 whose Date is an hour off is clock skew, from the SDK or a raw response", () => {
    const context = { requestTimeMs: NOW };
    const fromSdk = normalize(bodiless("Unknown", 403, { date: HOUR_AHEAD }), context);
    const fromResponse = normalizeResponse({ status: 403, headers: { date: HOUR_AHEAD } }, context);
    for (const error of [fromSdk, fromResponse]) {
      expect(error).toMatchObject({
        kind: "clock_skew",
        code: "RequestTimeTooSkewed",
        retry: "clock_skew",
      });
      if (error.kind === "clock_skew") expect(error.skewMs).toBe(60 * 60_000);
    }
  });

  it("a bodiless 403 with a Date within 15 minutes stays access_denied", () => {
    const near = "Wed, 02 Dec 2026 10:10:00 GMT";
    const error = normalizeResponse({ status: 403, headers: { date: near } }, { nowMs: NOW });
    expect(error).toMatchObject({ kind: "access_denied", code: "Forbidden", retry: "never" });
  });

  it("a bodiless 503 keeps the status's class (no row with another class is borrowed)", () => {
    const error = normalizeResponse({ status: 503 });
    expect(error).toMatchObject({ kind: "unavailable", retry: "transient" });
  });
});
