import type { RetryClass, StorageErrorKind } from "../kinds.js";

/** One code of one provider's catalogue: data, read by normalize() and by the docs generator. */
export interface CatalogueRow {
  /** Canonical S3-style code (`NoSuchKey`); Yandex's `Precondition Failed` is stored as `PreconditionFailed`. */
  readonly code: string;
  /** HTTP status the provider means for this code; null where the seed gives none (SOAP-only codes, S3Error). */
  readonly status: number | null;
  readonly kind: StorageErrorKind;
  readonly retry: RetryClass;
  /** One-line recommended fix; without one, an error takes its kind's default (`KIND_HINTS`). */
  readonly hint?: string;
  /** R2 only: the numeric code the Workers binding puts at the end of its message. */
  readonly r2Code?: number;
  /** Other spellings the provider sends for this code (`Precondition Failed`, `KeyTooLong`). */
  readonly aliases?: readonly string[];
}
