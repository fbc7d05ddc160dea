import type { Provider } from "../kinds.js";
import { AWS_CATALOGUE } from "./aws.js";
import { CEPH_CATALOGUE } from "./ceph.js";
import { type CatalogueEntry, toRow } from "./entry.js";
import { IBM_CATALOGUE } from "./ibm.js";
import { R2_CATALOGUE } from "./r2.js";
import { SUPABASE_CATALOGUE, SUPABASE_LABELS, type SupabaseLabelRow } from "./supabase.js";
import type { CatalogueRow } from "./types.js";
import { YANDEX_CATALOGUE } from "./yandex.js";

export type { StatusClassification } from "./status-fallback.js";
export { CLASSIFIED_STATUSES, classifyStatus } from "./status-fallback.js";
export type { SupabaseLabelRow } from "./supabase.js";
export { SUPABASE_LABELS } from "./supabase.js";
export type { CatalogueRow } from "./types.js";

/** Providers with a table of their own. */
export type CatalogueProvider = "aws" | "r2" | "supabase" | "ibm" | "yandex" | "ceph";

// Each table is decoded into row objects on first use, once: lookups and the docs then share them.
const decoded: Partial<Record<CatalogueProvider, readonly CatalogueRow[]>> = {};

function rows(
  table: CatalogueProvider,
  entries: readonly CatalogueEntry[],
): readonly CatalogueRow[] {
  let found = decoded[table];
  if (found === undefined) {
    found = entries.map(toRow);
    decoded[table] = found;
  }
  return found;
}

/** Every provider's table, for the docs generator and the tests. AWS is the S3 base dialect. */
export const CATALOGUES: Readonly<Record<CatalogueProvider, readonly CatalogueRow[]>> = {
  get aws() {
    return rows("aws", AWS_CATALOGUE);
  },
  get r2() {
    return rows("r2", R2_CATALOGUE);
  },
  get supabase() {
    return rows("supabase", SUPABASE_CATALOGUE);
  },
  get ibm() {
    return rows("ibm", IBM_CATALOGUE);
  },
  get yandex() {
    return rows("yandex", YANDEX_CATALOGUE);
  },
  get ceph() {
    return rows("ceph", CEPH_CATALOGUE);
  },
};

/** A code as compared: white space removed, lower case (`Precondition Failed` = `preconditionfailed`). */
export function normalizeCodeKey(code: string): string {
  return code.replace(/\s+/g, "").toLowerCase();
}

// Rows of kind `unknown` (a bodiless `Unknown`, Supabase's pass-through `S3Error`) are documentation
// only: the lookups skip them so that callers classify those errors by their real status.
function indexRows(rows: readonly CatalogueRow[]): ReadonlyMap<string, CatalogueRow> {
  const map = new Map<string, CatalogueRow>();
  for (const row of rows) {
    if (row.kind === "unknown") continue;
    for (const name of [row.code, ...(row.aliases ?? [])]) {
      const key = normalizeCodeKey(name);
      if (!map.has(key)) map.set(key, row);
    }
  }
  return map;
}

// The indexes are built on first lookup, not at import: a bundle that never calls normalize()
// (importing only isStorageError or withRetry) then drops the tables altogether.
const byCode: Partial<Record<CatalogueProvider, ReadonlyMap<string, CatalogueRow>>> = {};
let byR2Number: ReadonlyMap<number, CatalogueRow> | undefined;
let bySupabaseLabel: ReadonlyMap<string, CatalogueRow> | undefined;

function codeIndex(table: CatalogueProvider): ReadonlyMap<string, CatalogueRow> {
  let index = byCode[table];
  if (index === undefined) {
    index = indexRows(CATALOGUES[table]);
    byCode[table] = index;
  }
  return index;
}

/** Tables searched, in order: the provider's own first, then AWS; unknown dialects try all. */
export const SEARCH_ORDER: Readonly<Record<Provider, readonly CatalogueProvider[]>> = {
  aws: ["aws"],
  r2: ["r2", "aws"],
  supabase: ["supabase", "aws"],
  ibm: ["ibm", "aws"],
  yandex: ["yandex", "aws"],
  ceph: ["ceph", "aws"],
  "s3-compatible": ["aws", "ceph", "r2", "ibm", "yandex", "supabase"],
  unknown: ["aws", "ceph", "r2", "ibm", "yandex", "supabase"],
};

/**
 * Row for `code` as `provider` sends it: the provider's own table first, then the S3 base table
 * (`unknown` and `s3-compatible` try every table, AWS first). Codes compare without white space
 * and case. Codes that only mean "see the status" (`Unknown`, `S3Error`) return undefined.
 */
export function lookupCode(provider: Provider, code: string): CatalogueRow | undefined {
  const key = normalizeCodeKey(code);
  for (const table of SEARCH_ORDER[provider]) {
    const row = codeIndex(table).get(key);
    if (row !== undefined) return row;
  }
  return undefined;
}

/** Row for an R2 Workers binding numeric code. */
export function lookupR2Code(code: number): CatalogueRow | undefined {
  byR2Number ??= new Map(
    CATALOGUES.r2.flatMap((row: CatalogueRow) =>
      row.r2Code === undefined ? [] : [[row.r2Code, row] as const],
    ),
  );
  return byR2Number.get(code);
}

/** Row for a legacy Supabase `error` label (`not_found`, `Duplicate`, `Invalid JWT`, ...). */
export function lookupSupabaseLabel(label: string): CatalogueRow | undefined {
  bySupabaseLabel ??= new Map(
    SUPABASE_LABELS.map((row: SupabaseLabelRow) => [normalizeCodeKey(row.label), row] as const),
  );
  return bySupabaseLabel.get(normalizeCodeKey(label));
}
