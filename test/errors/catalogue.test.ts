// Every code of every seed document must be in its provider's table, with the seed's status.
import { describe, expect, it } from "vitest";
import { CEPH_CODES_AS_AWS } from "../../src/errors/catalogue/ceph.js";
import { IBM_CODES_AS_AWS } from "../../src/errors/catalogue/ibm.js";
import {
  ALL_TABLES,
  CATALOGUES,
  type CatalogueProvider,
  type CatalogueRow,
  lookupCode,
  lookupR2Code,
  lookupSupabaseLabel,
  normalizeCodeKey,
} from "../../src/errors/catalogue/index.js";
import { KIND_HINTS } from "../../src/errors/catalogue/kind-hints.js";
import { SUPABASE_DOCUMENTED_STATUSES } from "../../src/errors/catalogue/supabase-documented-statuses.js";
import { YANDEX_CODES_AS_AWS } from "../../src/errors/catalogue/yandex.js";
import { STORAGE_ERROR_KINDS } from "../../src/errors/kinds.js";
import {
  parseIbmSeed,
  parseR2Seed,
  parseS3List,
  parseSupabaseCodes,
  parseSupabaseLegacy,
  parseYandexSeed,
  readSeed,
  SEED_FILES,
  type SeedRow,
} from "./catalogue-seeds.js";

const r2Seed = parseR2Seed(readSeed(SEED_FILES.r2));
const supabaseLines = readSeed(SEED_FILES.supabase);
const supabaseSeed = parseSupabaseCodes(supabaseLines);
const supabaseLegacy = parseSupabaseLegacy(supabaseLines);
// The S3 REST list may also be appended to the Supabase document; its codes resolve via the S3 base.
const supabaseS3List = parseS3List(supabaseLines);
const awsSeed = parseS3List(readSeed(SEED_FILES.aws));
const ibmSeed = parseIbmSeed(readSeed(SEED_FILES.ibm));
const yandexSeed = parseYandexSeed(readSeed(SEED_FILES.yandex));

/** Body statuses the Supabase server really sends where its docs say otherwise (provider-facts.md). */
const SUPABASE_WIRE_STATUS: Readonly<Record<string, number>> = {
  InvalidJWT: 400,
  TenantNotFound: 400,
  InvalidRange: 400,
  InvalidMimeType: 415,
  DatabaseTimeout: 544,
  InvalidSignature: 400,
  MissingContentLength: 400,
  InvalidUploadSignature: 400,
  LockTimeout: 503,
  SlowDown: 429,
};

function ownRow(provider: CatalogueProvider, code: string): CatalogueRow | undefined {
  const key = normalizeCodeKey(code);
  return CATALOGUES[provider].find(
    (row) =>
      normalizeCodeKey(row.code) === key ||
      (row.aliases ?? []).some((alias) => normalizeCodeKey(alias) === key),
  );
}

function unique(rows: readonly SeedRow[]): SeedRow[] {
  return [...new Map(rows.map((row) => [`${row.code}/${row.status}`, row])).values()];
}

describe("seed parsers", () => {
  it.each([
    ["r2", r2Seed, 29],
    ["supabase codes", supabaseSeed, 32],
    ["supabase legacy", supabaseLegacy, 6],
    ["s3", awsSeed, 87],
    ["ibm", ibmSeed, 63],
    ["yandex", yandexSeed, 66],
  ] as const)("finds every row of the %s seed", (_name, rows, expected) => {
    expect(rows).toHaveLength(expected);
  });

  it("reads codes glued to their descriptions and statuses on the next line", () => {
    expect(supabaseSeed).toContainEqual({ code: "InvalidJWT", status: 401 });
    expect(supabaseSeed).toContainEqual({ code: "S3Error", status: null });
    expect(awsSeed).toContainEqual({ code: "BucketAlreadyOwnedByYou", status: 409 });
    expect(yandexSeed).toContainEqual({ code: "Precondition Failed", status: 412 });
    expect(r2Seed).toContainEqual({ code: "EntityTooLarge", status: 400, r2Code: 100100 });
  });
});

/** Codes a provider sends that read as AWS's row: listed by name, not repeated as rows. */
const AS_AWS: Readonly<Record<string, readonly string[]>> = {
  ibm: IBM_CODES_AS_AWS,
  yandex: YANDEX_CODES_AS_AWS,
  ceph: CEPH_CODES_AS_AWS,
};

describe.each([
  ["aws", awsSeed],
  ["ibm", ibmSeed],
  ["yandex", yandexSeed],
] as const)("the %s seed", (provider, seed) => {
  it.each(unique(seed))("has $code with status $status", ({ code, status }) => {
    const row = lookupCode(ALL_TABLES, provider, code);
    expect(row, code).toBeDefined();
    expect(row?.status).toBe(status);
    const own = ownRow(provider, code);
    if (own !== undefined) expect(row).toBe(own);
    else {
      expect(CATALOGUES.aws).toContain(row);
      expect(AS_AWS[provider]).toContain(row?.code);
    }
  });
});

describe.each(["ibm", "yandex", "ceph"] as const)("the %s table", (provider) => {
  it("holds only rows that differ from AWS's", () => {
    for (const row of CATALOGUES[provider]) {
      const aws = ownRow("aws", row.code);
      if (aws !== undefined) expect(row, row.code).not.toEqual(aws);
    }
  });

  it("lists codes read as AWS only where AWS has them and it has no row of its own", () => {
    for (const code of AS_AWS[provider] ?? []) {
      expect(ownRow(provider, code), code).toBeUndefined();
      expect(CATALOGUES.aws, code).toContain(lookupCode(ALL_TABLES, provider, code));
    }
  });
});

describe("the R2 seed", () => {
  it.each(r2Seed)("maps $r2Code to $code with status $status", ({ code, status, r2Code }) => {
    const row = lookupR2Code(ALL_TABLES, r2Code ?? Number.NaN);
    expect(row?.code).toBe(code);
    expect(row?.status).toBe(status);
    expect(CATALOGUES.r2).toContain(row);
    expect(ownRow("r2", code)).toBeDefined();
  });
});

describe("the Supabase seed", () => {
  it.each(supabaseSeed)("has $code (documented status $status)", ({ code, status }) => {
    const row = ownRow("supabase", code);
    expect(row, code).toBeDefined();
    const wire = SUPABASE_WIRE_STATUS[code];
    if (wire === undefined) {
      expect(row?.status).toBe(status);
      expect(SUPABASE_DOCUMENTED_STATUSES[code]).toBeUndefined();
    } else {
      expect(row?.status).toBe(wire);
      expect(SUPABASE_DOCUMENTED_STATUSES[code]).toBe(status);
    }
  });

  it.each(supabaseLegacy)("reads the legacy label $code as status $status", ({ code, status }) => {
    expect(lookupSupabaseLabel(code)?.status).toBe(status);
  });

  it("resolves every S3 REST list code for Supabase's S3 endpoint through the S3 base", () => {
    const codes = unique([...supabaseS3List, ...awsSeed]);
    expect(codes.length).toBeGreaterThan(70);
    for (const { code } of codes)
      expect(lookupCode(ALL_TABLES, "supabase", code), code).toBeDefined();
  });

  it.each([
    "Bucket not found",
    "Duplicate",
    "Unauthorized",
    "Payload too large",
    "invalid_mime_type",
    "invalid_range",
    "Invalid Input",
    "acquiring_lock_timeout",
    "too_many_connections",
    "resource_locked",
    "Invalid JWT",
  ])("knows the legacy label %s from provider-facts", (label) => {
    expect(lookupSupabaseLabel(label)).toBeDefined();
  });

  it.each([
    "MalformedXML",
    "InvalidParameter",
    "MaximumCredentialsLimit",
    "ResourceNotEmpty",
    "ResourceReferenced",
    "TransactionError",
    "FeatureNotEnabled",
    "NotSupported",
    "Aborted",
    "DatabaseReadOnly",
    "DatabaseSchemaMismatch",
    "DatabaseInvalidObjectDefinition",
    "InvalidAccessKeyId",
    "S3Error",
  ])("has %s from the server source", (code) => {
    expect(ownRow("supabase", code)).toBeDefined();
  });
});

describe("table hygiene", () => {
  const all = Object.entries(CATALOGUES).flatMap(([provider, rows]) =>
    rows.map((row) => ({ provider, row })),
  );

  it.each(Object.entries(CATALOGUES))(
    "%s has no duplicate codes (R2 numbers apart)",
    (_p, rows) => {
      const keys = rows.map((row) => `${normalizeCodeKey(row.code)}#${row.r2Code ?? ""}`);
      expect(new Set(keys).size).toBe(keys.length);
    },
  );

  it("gives each R2 number one row", () => {
    const numbers = CATALOGUES.r2.map((row) => row.r2Code);
    expect(numbers).not.toContain(undefined);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it("gives every kind a default hint: a short one-liner without links", () => {
    expect(Object.keys(KIND_HINTS).sort()).toEqual([...STORAGE_ERROR_KINDS].sort());
    for (const kind of STORAGE_ERROR_KINDS) {
      expect(KIND_HINTS[kind], kind).toMatch(/^\S.{9,119}$/);
      expect(KIND_HINTS[kind], kind).not.toMatch(/https?:|\n/);
    }
  });

  it("keeps row hints, where a row has one, short one-liners without links", () => {
    const hinted = all.filter(({ row }) => row.hint !== undefined);
    expect(hinted.length).toBeGreaterThan(50);
    for (const { provider, row } of hinted) {
      const where = `${provider}/${row.code}`;
      expect(row.hint, where).toMatch(/^\S.{9,119}$/);
      expect(row.hint, where).not.toMatch(/https?:|\n/);
    }
  });

  it("gives no row a hint that only repeats its kind's default", () => {
    for (const { provider, row } of all) {
      expect(row.hint, `${provider}/${row.code}`).not.toBe(KIND_HINTS[row.kind]);
    }
  });
});
