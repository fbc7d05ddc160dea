import {
  CATALOGUES,
  type CatalogueProvider,
  type CatalogueRow,
  CLASSIFIED_STATUSES,
  normalizeCodeKey,
  SEARCH_ORDER,
  supabaseLabelRows,
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

/**
 * Where docs/errors.md describes `error`: an R2 binding number's row, its code's row in the provider's table (else the S3
 * table), a legacy Supabase label's row, its status's row in the fallback table, or that table.
 */
export function findErrorsDocAnchor(error: StorageError): string {
  const providerCode = error.providerCode;
  if (typeof providerCode === "number") {
    const row = CATALOGUES.r2.find((candidate) => candidate.r2Code === providerCode);
    if (row !== undefined) return catalogueAnchor("r2", row);
  }
  const key = normalizeCodeKey(error.code);
  for (const table of SEARCH_ORDER[error.provider]) {
    const row = CATALOGUES[table].find((candidate) =>
      [candidate.code, ...(candidate.aliases ?? [])].some((name) => normalizeCodeKey(name) === key),
    );
    if (row !== undefined) return catalogueAnchor(table, row);
  }
  if (error.provider === "supabase" && typeof providerCode === "string") {
    const label = supabaseLabelRows().find(
      (row) => normalizeCodeKey(row.label) === normalizeCodeKey(providerCode),
    );
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
