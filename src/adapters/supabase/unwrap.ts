import { SUPABASE_DIALECT } from "../../errors/dialects.js";
import { normalizeWith } from "../../errors/normalize-with.js";
import type { StorageError } from "../../index.js";

/** A storage-js result: `{ data, error }`, exactly one of them set (`exists()` aside). */
export interface SupabaseResult<T> {
  /** The call's result, or null when it failed (`false` from `exists()` for a missing object). */
  data: T | null;
  /** The failure (a StorageError class of storage-js, or a raw error body), or null on success. */
  error: unknown;
}

/**
 * Returns a storage-js result's `data`, or throws its `error` normalized to a
 * {@link StorageError} (provider `supabase`; the body's status, not the HTTP 400). Understands
 * StorageApiError (with or without `code`), StorageUnknownError and the raw error bodies older
 * clients returned. `exists()` answers a missing object with `{ data: false, error }`: that is
 * `false`, not an error.
 *
 * @example const { fullPath } = unwrap(await storage.from("avatars").upload(path, file));
 * @example const found = unwrap(await storage.from("avatars").exists(path)); // true or false
 */
export function unwrap<T>(result: SupabaseResult<T>, operation?: string): T {
  if (result.data === false) return false as T;
  if (result.error !== null && result.error !== undefined) {
    const context = { provider: "supabase" as const, operation };
    const error: StorageError = normalizeWith(SUPABASE_DIALECT, result.error, context);
    throw error;
  }
  return result.data as T;
}
