import { describe, expect, it } from "vitest";
import { ALL_TABLES, lookupCode, lookupR2Code } from "../../src/errors/catalogue/index.js";
import { KIND_HINTS } from "../../src/errors/catalogue/kind-hints.js";
import { normalize, normalizeResponse } from "../../src/index.js";

const s3Error = (code: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>m</Message></Error>`;

describe("the kind's default hint", () => {
  it("is the hint of an error whose row has none (S3 NoSuchKey)", () => {
    expect(lookupCode(ALL_TABLES, "aws", "NoSuchKey")?.hint).toBeUndefined();
    const error = normalizeResponse({ status: 404, body: s3Error("NoSuchKey") });
    expect(error).toMatchObject({ kind: "not_found", code: "NoSuchKey" });
    expect(error.hint).toBe(KIND_HINTS.not_found);
  });

  it("is the hint of an R2 binding error whose row has none (10032)", () => {
    expect(lookupR2Code(ALL_TABLES, 10032)?.hint).toBeUndefined();
    const error = normalize(new Error("put: Invalid request (10032)"), { provider: "r2" });
    expect(error).toMatchObject({ kind: "invalid_request", code: "InvalidRequest" });
    expect(error.hint).toBe(KIND_HINTS.invalid_request);
  });

  it("is the hint of an error with no row at all (a connection refused, a bare 502)", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), {
      code: "ECONNREFUSED",
    });
    expect(normalize(refused).hint).toBe(KIND_HINTS.network);
    const gateway = normalizeResponse({ status: 502, body: "<html>Bad Gateway</html>" });
    expect(gateway).toMatchObject({ kind: "unavailable", code: "BadGateway" });
    expect(gateway.hint).toBe(KIND_HINTS.unavailable);
  });

  it("gives way to the row's own hint where it has one", () => {
    const row = lookupCode(ALL_TABLES, "aws", "EntityTooSmall");
    expect(row?.hint).toMatch(/5 MiB/);
    const error = normalizeResponse({ status: 400, body: s3Error("EntityTooSmall") });
    expect(error.hint).toBe(row?.hint);
  });
});
