// PLACEHOLDER: replaced by the catalogue work; signatures are the contract.
import type { Provider, RetryClass, StorageErrorKind } from "../kinds.js";
import type { CatalogueRow } from "./types.js";

export type { CatalogueRow } from "./types.js";

/** Row for `code` as `provider` sends it; falls back on the S3 base table. Codes compare without white space and case. */
export function lookupCode(_provider: Provider, _code: string): CatalogueRow | undefined {
  return undefined;
}

/** Row for an R2 Workers binding numeric code. */
export function lookupR2Code(_code: number): CatalogueRow | undefined {
  return undefined;
}

/** Row for a legacy Supabase `error` label (`not_found`, `Duplicate`, `Invalid JWT`, ...). */
export function lookupSupabaseLabel(_label: string): CatalogueRow | undefined {
  return undefined;
}

/** Kind, retry class and generic code for a status with no known code. */
export function classifyStatus(status: number | undefined): {
  kind: StorageErrorKind;
  retry: RetryClass;
  code: string;
} {
  if (status === 429) return { kind: "throttled", retry: "throttling", code: "TooManyRequests" };
  if (status !== undefined && status >= 500) return { kind: "server_error", retry: "transient", code: "InternalError" };
  return { kind: "unknown", retry: "never", code: "Unknown" };
}
