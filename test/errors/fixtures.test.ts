import { describe, expect, it } from "vitest";
import { normalize } from "../../src/errors/normalize.js";
import { normalizeResponse } from "../../src/errors/normalize-response.js";
import type { StorageError } from "../../src/errors/storage-error.js";
import { type FixtureCase, loadWireFixtures } from "./wire-fixtures.js";

const PROVIDERS = ["aws", "r2", "supabase", "ibm", "yandex", "ceph", "s3-compatible"];

function run(spec: FixtureCase, body: string): StorageError {
  if (spec.input === "response") {
    return normalizeResponse(
      { ...spec.response, status: spec.response?.status ?? 0, body },
      spec.context,
    );
  }
  const error = new Error(body);
  error.name = spec.thrown?.name ?? "Error";
  Object.assign(error, spec.thrown?.props);
  return normalize(error, spec.context);
}

function everything(err: StorageError): string {
  return [
    err.message,
    String(err),
    JSON.stringify(err),
    JSON.stringify({ ...err }),
    err.stack,
  ].join("\n");
}

for (const provider of PROVIDERS) {
  describe(`wire fixtures: ${provider}`, () => {
    for (const [name, spec, body] of loadWireFixtures(provider)) {
      it(`${name}: ${spec.fact}`, () => {
        const err = run(spec, body);
        expect(JSON.parse(JSON.stringify(err))).toMatchObject(spec.expected);
        for (const secret of spec.absent ?? []) expect(everything(err)).not.toContain(secret);
      });
    }
  });
}

describe("wire fixtures: bytes", () => {
  it("reads a Uint8Array body and a Headers object like a string and a plain object", () => {
    const [, spec, body] = loadWireFixtures("aws").find(([name]) => name === "no-such-key") ?? [];
    if (spec === undefined || body === undefined) throw new Error("fixture missing");
    const err = normalizeResponse({
      status: 404,
      headers: new Headers(spec.response?.headers),
      body: new TextEncoder().encode(body),
    });
    expect(JSON.parse(JSON.stringify(err))).toMatchObject(spec.expected);
  });
});
