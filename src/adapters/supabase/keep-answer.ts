// Internal to bucketguard: the store `normalize()` reads a storage-js error's lost fields from.
import { keepSupabaseAnswer } from "../../errors/from-thrown/supabase-answers.js";

const decoder = new TextDecoder();

/** Keeps the body of an error answer about to go back to storage-js, so `normalize()` can read it. */
export function keepAnswer(httpStatus: number, raw: Uint8Array | undefined): void {
  if (raw === undefined || raw.byteLength === 0) return;
  keepSupabaseAnswer(httpStatus, decoder.decode(raw));
}
