import type { CatalogueProvider } from "./catalogue.js";
import { rowsOf } from "./catalogue.js";
import { ALL_TABLES } from "./catalogues.js";
import type { CatalogueRow } from "./types.js";

export type { Catalogue, CatalogueProvider } from "./catalogue.js";
export { lookupCode, lookupR2Code, normalizeCodeKey } from "./catalogue.js";
export { ALL_TABLES, R2_TABLES, S3_TABLES, SUPABASE_TABLES } from "./catalogues.js";
export { lookupSupabaseLabel, lookupSupabaseMessage } from "./find-supabase-row.js";
export type { StatusClassification } from "./status-fallback.js";
export { CLASSIFIED_STATUSES, classifyStatus } from "./status-fallback.js";
export type { SupabaseLabelRow, SupabaseMessageRow } from "./supabase.js";
export { supabaseLabelRows, supabaseMessageRows } from "./supabase.js";
export type { CatalogueRow } from "./types.js";

/** Every provider's table as rows, for the docs generator, the CLI and the tests. AWS is the S3 base dialect. */
export const CATALOGUES: Readonly<Record<CatalogueProvider, readonly CatalogueRow[]>> = {
  get aws() {
    return rowsOf(ALL_TABLES, "aws");
  },
  get r2() {
    return rowsOf(ALL_TABLES, "r2");
  },
  get supabase() {
    return rowsOf(ALL_TABLES, "supabase");
  },
  get ibm() {
    return rowsOf(ALL_TABLES, "ibm");
  },
  get yandex() {
    return rowsOf(ALL_TABLES, "yandex");
  },
  get ceph() {
    return rowsOf(ALL_TABLES, "ceph");
  },
};
