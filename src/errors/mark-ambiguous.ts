import type { StorageError } from "./storage-error.js";

/**
 * Marks `error`, the answer to a retried write, as ambiguous: an earlier attempt may have stored
 * the object, and the stored object could not be proven to be ours (`reason` says why). The
 * error itself stands; only its hint changes.
 */
export function markAmbiguous<E extends StorageError>(error: E, reason: string): E {
  const hint =
    `Outcome ambiguous: an earlier attempt of this write may have landed, but ${reason}. ` +
    "Read the object back before relying on either outcome.";
  (error as { hint?: string }).hint = hint;
  return error;
}
