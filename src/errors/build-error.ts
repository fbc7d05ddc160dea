import { type Catalogue, lookupCode, lookupR2Code } from "./catalogue/catalogue.js";
import { classifyStatus, type StatusClassification } from "./catalogue/status-fallback.js";
import type { CatalogueRow } from "./catalogue/types.js";
import type { NormalizeContext } from "./context.js";
import type { Provider, RetryClass, StorageErrorKind } from "./kinds.js";
import type { S3XmlError } from "./parse/s3-xml.js";
import { readKindDetails } from "./read-kind-details.js";
import { readSkewCode } from "./read-skew-code.js";
import { type StorageError, StorageError as StorageErrorClass } from "./storage-error.js";

/** Everything known about a failure, before classification. */
export interface ErrorFacts {
  readonly provider: Provider;
  /** The provider's code string (`NoSuchKey`, `Precondition Failed`). */
  readonly code?: string | undefined;
  /** R2 binding number. */
  readonly r2Code?: number | undefined;
  /** Supabase legacy label (`not_found`). */
  readonly label?: string | undefined;
  readonly status?: number | undefined;
  readonly message?: string | undefined;
  /** The original error's name. */
  readonly name?: string | undefined;
  readonly requestId?: string | undefined;
  readonly retryAfterMs?: number | undefined;
  /** Code-specific elements (XML or copied onto an SDK exception). */
  readonly fields?: S3XmlError | undefined;
  /** Extra headers for details (`x-amz-bucket-region`, `Date`). */
  readonly header?: ((name: string) => string | undefined) | undefined;
  /** Forced classification (network errors, aborts) that skips the catalogue. */
  readonly forced?: { readonly kind: StorageErrorKind; readonly retry: RetryClass } | undefined;
  readonly cause?: unknown;
}

function findRow(facts: ErrorFacts, catalogue: Catalogue): CatalogueRow | undefined {
  let row = facts.r2Code === undefined ? undefined : lookupR2Code(catalogue, facts.r2Code);
  const { supabaseRest } = catalogue;
  // Supabase reads code, label and message together (a JWT message refines AccessDenied).
  if (row === undefined && facts.provider === "supabase" && supabaseRest !== undefined) {
    return supabaseRest.findRow(catalogue, facts);
  }
  if (row === undefined && facts.code !== undefined) {
    row = lookupCode(catalogue, facts.provider, facts.code);
  }
  if (row === undefined && facts.label !== undefined) row = supabaseRest?.lookupLabel(facts.label);
  return row;
}

/**
 * The row for an answer with nothing to look up (no code, number or label): clock skew read from
 * the 403's Date, else the row of the status's generic code when it means the same as the status
 * (a bodiless 404 gets `NotFound`'s hint), else none.
 */
function findCodelessRow(
  facts: ErrorFacts,
  fallback: StatusClassification,
  context: NormalizeContext | undefined,
  catalogue: Catalogue,
): CatalogueRow | undefined {
  const skew = readSkewCode(facts.status, facts.header, context);
  if (skew !== undefined) return lookupCode(catalogue, facts.provider, skew);
  const row = lookupCode(catalogue, facts.provider, fallback.code);
  return row?.kind === fallback.kind && row.retry === fallback.retry ? row : undefined;
}

function hasNothingToLookUp(facts: ErrorFacts): boolean {
  return facts.code === undefined && facts.r2Code === undefined && facts.label === undefined;
}

/** Classifies facts through the catalogue (code, R2 number, Supabase label) or the status. */
export function buildError(
  facts: ErrorFacts,
  context: NormalizeContext | undefined,
  catalogue: Catalogue,
): StorageError {
  const fallback = classifyStatus(facts.status);
  let row: CatalogueRow | undefined;
  if (facts.forced === undefined) {
    row = findRow(facts, catalogue);
    if (row === undefined && hasNothingToLookUp(facts) && facts.status !== undefined) {
      row = findCodelessRow(facts, fallback, context, catalogue);
    }
  }
  let kind: StorageErrorKind = facts.forced?.kind ?? row?.kind ?? fallback.kind;
  let retry: RetryClass = facts.forced?.retry ?? row?.retry ?? fallback.retry;
  const code = row?.code ?? facts.code?.trim() ?? fallback.code;
  // AWS puts the bucket's real region in AuthorizationHeaderMalformed: re-signing for it helps.
  if (code === "AuthorizationHeaderMalformed" && facts.fields?.Region !== undefined) {
    kind = "redirect";
    retry = "redirect";
  }
  const status = facts.status ?? row?.status ?? undefined;
  const message = facts.message ?? (status === undefined ? code : `${code} (HTTP ${status})`);
  return new StorageErrorClass({
    kind,
    retry,
    code,
    name: facts.name ?? code,
    message,
    status,
    provider: facts.provider,
    // The provider's code when it sent one; Supabase's old label only stands in for a missing code.
    providerCode: facts.r2Code ?? facts.code ?? facts.label,
    requestId: facts.requestId,
    hint: row?.hint,
    retryAfterMs: facts.retryAfterMs,
    operation: context?.operation,
    ...readKindDetails(kind, code, facts.fields ?? {}, facts.header, context),
    cause: facts.cause,
  });
}
