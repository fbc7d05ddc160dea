import type { Provider } from "../kinds.js";
import { type CatalogueEntry, toRow } from "./entry.js";
import type { CatalogueRow } from "./types.js";

/** Providers with a table of their own. */
export type CatalogueProvider = "aws" | "r2" | "supabase" | "ibm" | "yandex" | "ceph";

/** What a Supabase REST error says about itself: its body's fields, as far as they survived. */
export interface SupabaseFacts {
  /** The body's status (`statusCode`), not the HTTP 400 it came with. */
  readonly status?: number | undefined;
  readonly code?: string | undefined;
  readonly label?: string | undefined;
  readonly message?: string | undefined;
}

/** Supabase REST's legacy labels and fixed messages, for catalogues that read Supabase REST errors. */
export interface SupabaseRestReader {
  /** The row for a Supabase error's code, label and message read together. */
  findRow(catalogue: Catalogue, facts: SupabaseFacts): CatalogueRow | undefined;
  /** The row for a legacy `error` label (`not_found`). */
  lookupLabel(label: string): CatalogueRow | undefined;
}

/**
 * The tables one normalizer classifies by. The core's `normalize` holds every provider's; an
 * adapter holds only those of the providers it talks to, so its bundle carries no other table.
 * Written as a plain object literal (no call), it tree-shakes away where unused.
 */
export interface Catalogue {
  readonly tables: { readonly [P in CatalogueProvider]?: readonly CatalogueEntry[] };
  /** Present where the catalogue reads Supabase REST errors (labels, fixed messages). */
  readonly supabaseRest?: SupabaseRestReader | undefined;
  /** Decoded rows and lookup indexes, filled on first lookup. */
  readonly built: CatalogueCache;
}

/** A catalogue's decoded rows and indexes: built on first use, never at import. */
export interface CatalogueCache {
  rows?: { [P in CatalogueProvider]?: readonly CatalogueRow[] };
  byCode?: { [P in CatalogueProvider]?: ReadonlyMap<string, CatalogueRow> };
  byR2Number?: ReadonlyMap<number, CatalogueRow>;
}

const EVERY_TABLE: readonly CatalogueProvider[] = [
  "aws",
  "ceph",
  "r2",
  "ibm",
  "yandex",
  "supabase",
];

/** Tables searched, in order: the provider's own first, then AWS; unknown dialects try all. */
export const SEARCH_ORDER: Readonly<Record<Provider, readonly CatalogueProvider[]>> = {
  aws: ["aws"],
  r2: ["r2", "aws"],
  supabase: ["supabase", "aws"],
  ibm: ["ibm", "aws"],
  yandex: ["yandex", "aws"],
  ceph: ["ceph", "aws"],
  "s3-compatible": EVERY_TABLE,
  unknown: EVERY_TABLE,
};

/** A code as compared: white space removed, lower case (`Precondition Failed` = `preconditionfailed`). */
export function normalizeCodeKey(code: string): string {
  return code.replace(/\s+/g, "").toLowerCase();
}

/** The decoded rows of one of the catalogue's tables (empty when it lacks that table). */
export function rowsOf(catalogue: Catalogue, table: CatalogueProvider): readonly CatalogueRow[] {
  catalogue.built.rows ??= {};
  const rows = catalogue.built.rows;
  let found = rows[table];
  if (found === undefined) {
    found = (catalogue.tables[table] ?? []).map(toRow);
    rows[table] = found;
  }
  return found;
}

// Rows of kind `unknown` (a bodiless `Unknown`, Supabase's pass-through `S3Error`) are documentation
// only: the lookups skip them so that callers classify those errors by their real status.
function codeIndex(
  catalogue: Catalogue,
  table: CatalogueProvider,
): ReadonlyMap<string, CatalogueRow> {
  catalogue.built.byCode ??= {};
  const indexes = catalogue.built.byCode;
  let index = indexes[table];
  if (index === undefined) {
    const map = new Map<string, CatalogueRow>();
    for (const row of rowsOf(catalogue, table)) {
      if (row.kind === "unknown") continue;
      for (const name of [row.code, ...(row.aliases ?? [])]) {
        const key = normalizeCodeKey(name);
        if (!map.has(key)) map.set(key, row);
      }
    }
    index = map;
    indexes[table] = index;
  }
  return index;
}

/**
 * Row for `code` as `provider` sends it: the provider's own table first, then the S3 base table
 * (`unknown` and `s3-compatible` try every table, AWS first), among the tables the catalogue
 * holds. Codes compare without white space and case. Codes that only mean "see the status"
 * (`Unknown`, `S3Error`) return undefined.
 */
export function lookupCode(
  catalogue: Catalogue,
  provider: Provider,
  code: string,
): CatalogueRow | undefined {
  const key = normalizeCodeKey(code);
  for (const table of SEARCH_ORDER[provider]) {
    if (catalogue.tables[table] === undefined) continue;
    const row = codeIndex(catalogue, table).get(key);
    if (row !== undefined) return row;
  }
  return undefined;
}

/** Row for an R2 Workers binding numeric code. */
export function lookupR2Code(catalogue: Catalogue, code: number): CatalogueRow | undefined {
  catalogue.built.byR2Number ??= new Map(
    rowsOf(catalogue, "r2").flatMap((row) =>
      row.r2Code === undefined ? [] : [[row.r2Code, row] as const],
    ),
  );
  return catalogue.built.byR2Number.get(code);
}
