import {
  ALL_TABLES,
  CATALOGUES,
  type CatalogueProvider,
  type CatalogueRow,
  CLASSIFIED_STATUSES,
  lookupCode,
  lookupR2Code,
  lookupSupabaseLabel,
} from "../errors/catalogue/index.js";
import type { StorageError } from "../errors/storage-error.js";

/** The error catalogue page, from the package's repository root. */
export const ERRORS_DOC_PATH = "docs/errors.md";

/** The heading anchor of the status table in docs/errors.md. */
const FALLBACK_HEADING = "fallback-by-http-status";

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * The anchor of a catalogue row in docs/errors.md: `aws-nosuchkey`; R2 rows with a binding
 * number by that number (`r2-10058`), since R2 sends one code under several numbers.
 */
export function catalogueAnchor(table: CatalogueProvider, row: CatalogueRow): string {
  return row.r2Code === undefined ? `${table}-${slug(row.code)}` : `${table}-${row.r2Code}`;
}

/** The anchor of a legacy Supabase label row (`supabase-label-not-found`). */
export function labelAnchor(label: string): string {
  return `supabase-label-${slug(label)}`;
}

/** The anchor of a row of the status table (`status-503`). */
export function statusAnchor(status: number): string {
  return `status-${status}`;
}

let tables: ReadonlyMap<CatalogueRow, CatalogueProvider> | undefined;

/** The table a catalogue row belongs to (`normalize` and the docs share the decoded rows). */
export function tableOfRow(row: CatalogueRow): CatalogueProvider | undefined {
  tables ??= new Map(
    (Object.keys(CATALOGUES) as CatalogueProvider[]).flatMap((table) =>
      CATALOGUES[table].map((candidate) => [candidate, table] as const),
    ),
  );
  return tables.get(row);
}

/**
 * Where docs/errors.md describes `error`: the row `normalize` reads its R2 binding number or its
 * code by (the provider's table, else the S3 one), a legacy Supabase label's row, its status's
 * row in the fallback table, or that table.
 */
export function findErrorsDocAnchor(error: StorageError): string {
  const providerCode = error.providerCode;
  const row =
    (typeof providerCode === "number" ? lookupR2Code(ALL_TABLES, providerCode) : undefined) ??
    lookupCode(ALL_TABLES, error.provider, error.code);
  const table = row === undefined ? undefined : tableOfRow(row);
  if (row !== undefined && table !== undefined) return catalogueAnchor(table, row);
  if (error.provider === "supabase" && typeof providerCode === "string") {
    const label = lookupSupabaseLabel(providerCode);
    if (label !== undefined) return labelAnchor(label.label);
  }
  const status = error.status;
  if (status !== undefined && CLASSIFIED_STATUSES.includes(status)) return statusAnchor(status);
  return FALLBACK_HEADING;
}

/** The link to `error`'s row: `docs/errors.md#aws-slowdown`. */
export function errorsDocLink(error: StorageError): string {
  return `${ERRORS_DOC_PATH}#${findErrorsDocAnchor(error)}`;
}
