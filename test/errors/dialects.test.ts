// Each adapter normalizes through its own providers' tables and parsers only; for what those
// providers send, it must say exactly what the core's normalize says.
import { describe, expect, it } from "vitest";
import {
  CATALOGUES,
  CLASSIFIED_STATUSES,
  supabaseLabelRows,
  supabaseMessageRows,
} from "../../src/errors/catalogue/index.js";
import { KIND_HINTS } from "../../src/errors/catalogue/kind-hints.js";
import type { Dialect } from "../../src/errors/dialect.js";
import { R2_DIALECT, S3_DIALECTS, SUPABASE_DIALECT } from "../../src/errors/dialects.js";
import { normalize } from "../../src/errors/normalize.js";
import { normalizeResponse, normalizeResponseWith } from "../../src/errors/normalize-response.js";
import { normalizeWith } from "../../src/errors/normalize-with.js";
import type { StorageError } from "../../src/errors/storage-error.js";
import { type FixtureCase, loadWireFixtures } from "./wire-fixtures.js";

/** What a user reads off an error (the cause aside, which both keep as given). */
function said(error: StorageError): Record<string, unknown> {
  const {
    cause: _cause,
    stack: _stack,
    ...rest
  } = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
  return rest;
}

function both(dialect: Dialect, spec: FixtureCase, body: string): [StorageError, StorageError] {
  const context = spec.context;
  if (spec.input === "response") {
    const response = { ...spec.response, status: spec.response?.status ?? 0, body };
    return [
      normalizeResponseWith(dialect, response, context),
      normalizeResponse(response, context),
    ];
  }
  const make = () => {
    const error = new Error(body);
    error.name = spec.thrown?.name ?? "Error";
    return Object.assign(error, spec.thrown?.props);
  };
  return [normalizeWith(dialect, make(), context), normalize(make(), context)];
}

describe("an adapter's dialect says what normalize says, for its providers' wire samples", () => {
  const cases: [string, Dialect, string][] = [
    ["r2", R2_DIALECT, "r2"],
    ["supabase", SUPABASE_DIALECT, "supabase"],
    ...["aws", "ceph", "ibm", "yandex", "s3-compatible", "r2", "supabase"].map(
      (provider): [string, Dialect, string] => ["fetch", S3_DIALECTS, provider],
    ),
  ];
  for (const [adapter, dialect, provider] of cases) {
    // The binding throws, it never answers. Supabase's REST API answers JSON, read by the
    // Supabase adapter; its S3 protocol answers XML, read by the fetch adapter (and the SDK's).
    // fetch throws only network failures and aborts (compared below), never a binding's error.
    const samples = loadWireFixtures(provider).filter(([, spec, body]) =>
      adapter === "r2"
        ? spec.input === "thrown"
        : adapter === "fetch"
          ? spec.input === "response" &&
            (provider !== "supabase" || body.trimStart().startsWith("<"))
          : !body.trimStart().startsWith("<"),
    );
    it.each(samples)(`${adapter} reads ${provider}'s %s as normalize does`, (_name, spec, body) => {
      const [scoped, full] = both(dialect, spec, body);
      expect(said(scoped)).toEqual(said(full));
    });
  }
});

describe("every row of an adapter's own tables", () => {
  it.each(CATALOGUES.r2.filter((row) => row.r2Code !== undefined))(
    "R2 binding code $r2Code ($code)",
    (row) => {
      const thrown = () => new Error(`put: We hit a snag (${row.r2Code})`);
      const context = { provider: "r2" as const, operation: "put" };
      const scoped = normalizeWith(R2_DIALECT, thrown(), context);
      expect(said(scoped)).toEqual(said(normalize(thrown(), context)));
      expect(scoped).toMatchObject({
        code: row.code,
        kind: row.kind,
        hint: row.hint ?? KIND_HINTS[row.kind],
      });
    },
  );

  const supabaseBodies: { statusCode: string; error?: string; message?: string }[] = [
    ...CATALOGUES.supabase
      .filter((row) => row.kind !== "unknown")
      .map((row) => ({ statusCode: String(row.status), error: row.code, message: "m" })),
    ...supabaseLabelRows().map((row) => ({ statusCode: String(row.status), error: row.label })),
    ...supabaseMessageRows().flatMap((row) =>
      row.statuses.map((status) => ({ statusCode: String(status), message: `${row.message}x` })),
    ),
  ];
  it.each(supabaseBodies)("Supabase body %j, answered and as storage-js returns it", (body) => {
    const context = { provider: "supabase" as const };
    const response = { status: 400, body: JSON.stringify(body) };
    const scoped = normalizeResponseWith(SUPABASE_DIALECT, response, context);
    expect(said(scoped)).toEqual(said(normalizeResponse(response, context)));
    const storageJs = () =>
      Object.assign(new Error(body.message ?? ""), {
        __isStorageError: true,
        name: "StorageApiError",
        status: 400,
        statusCode: body.statusCode,
      });
    expect(said(normalizeWith(SUPABASE_DIALECT, storageJs(), context))).toEqual(
      said(normalize(storageJs(), context)),
    );
  });
});

describe("what fetch throws", () => {
  const thrown: [string, () => unknown][] = [
    ["a reset", () => Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })],
    [
      "undici's fetch failed",
      () => new TypeError("fetch failed", { cause: { code: "UND_ERR_SOCKET" } }),
    ],
    ["Chromium's Failed to fetch", () => new TypeError("Failed to fetch")],
    ["workerd's lost connection", () => new Error("Network connection lost.")],
    ["an abort", () => new DOMException("The operation was aborted.", "AbortError")],
    ["a timeout", () => new DOMException("The operation timed out.", "TimeoutError")],
  ];
  it.each(thrown)("%s: each adapter says what normalize says", (_name, make) => {
    for (const dialect of [S3_DIALECTS, SUPABASE_DIALECT, R2_DIALECT]) {
      const context = dialect.provider === undefined ? undefined : { provider: dialect.provider };
      expect(said(normalizeWith(dialect, make(), context))).toEqual(
        said(normalize(make(), context)),
      );
    }
  });
});

describe("answers with nothing but a status", () => {
  it.each(CLASSIFIED_STATUSES)("HTTP %i through fetch is what normalizeResponse says", (status) => {
    const response = { status, body: "" };
    expect(said(normalizeResponseWith(S3_DIALECTS, response, undefined))).toEqual(
      said(normalizeResponse(response)),
    );
  });
});
