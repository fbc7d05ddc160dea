import { lookupCode, lookupSupabaseLabel } from "./index.js";
import { SUPABASE_MESSAGES, type SupabaseMessageRow } from "./supabase.js";
import type { CatalogueRow } from "./types.js";

/** What a Supabase error says about itself: any of the body's fields, as far as they survived. */
export interface SupabaseFacts {
  /** The body's status (`statusCode`), not the HTTP 400 it came with. */
  readonly status?: number | undefined;
  readonly code?: string | undefined;
  readonly label?: string | undefined;
  readonly message?: string | undefined;
}

// Only a message's start is compared (the longest fixed message is under 80 characters): the
// key is built from a bounded prefix, whatever a hostile or huge message holds.
const MESSAGE_KEY_CHARS = 256;

function toMessageKey(message: string): string {
  return message.slice(0, MESSAGE_KEY_CHARS).trim().replace(/\s+/g, " ").toLowerCase();
}

/** The row of a message Supabase sends word for word, under one of its statuses. */
export function lookupSupabaseMessage(
  message: string,
  status: number | undefined,
): SupabaseMessageRow | undefined {
  const key = toMessageKey(message);
  return SUPABASE_MESSAGES.find(
    (row) => (status === undefined || row.statuses.includes(status)) && key.startsWith(row.message),
  );
}

/**
 * Classifies a Supabase error: its code (a legacy lower-case one such as `already_exists` read
 * as a label), else its `error` label, else one of the server's fixed messages. A message row
 * that refines the code found (`AccessDenied` with a JWT library's message) wins over it.
 */
export function findSupabaseRow(facts: SupabaseFacts): CatalogueRow | undefined {
  const byCode =
    facts.code === undefined
      ? undefined
      : (lookupCode("supabase", facts.code) ?? lookupSupabaseLabel(facts.code));
  const known =
    byCode ?? (facts.label === undefined ? undefined : lookupSupabaseLabel(facts.label));
  const byMessage =
    facts.message === undefined ? undefined : lookupSupabaseMessage(facts.message, facts.status);
  if (byMessage === undefined) return known;
  if (known === undefined || byMessage.refines?.includes(known.code) === true) return byMessage;
  return known;
}
