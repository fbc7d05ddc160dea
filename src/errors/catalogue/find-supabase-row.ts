import {
  type Catalogue,
  lookupCode,
  normalizeCodeKey,
  type SupabaseFacts,
  type SupabaseRestReader,
} from "./catalogue.js";
import {
  type SupabaseLabelRow,
  type SupabaseMessageRow,
  supabaseLabelRows,
  supabaseMessageRows,
} from "./supabase.js";
import type { CatalogueRow } from "./types.js";

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
  return supabaseMessageRows().find(
    (row) => (status === undefined || row.statuses.includes(status)) && key.startsWith(row.message),
  );
}

let byLabel: ReadonlyMap<string, SupabaseLabelRow> | undefined;

/** Row for a legacy Supabase `error` label (`not_found`, `Duplicate`, `Invalid JWT`, ...). */
export function lookupSupabaseLabel(label: string): SupabaseLabelRow | undefined {
  byLabel ??= new Map(
    supabaseLabelRows().map((row) => [normalizeCodeKey(row.label), row] as const),
  );
  return byLabel.get(normalizeCodeKey(label));
}

/**
 * Classifies a Supabase error: its code (a legacy lower-case one such as `already_exists` read
 * as a label), else its `error` label, else one of the server's fixed messages. A message row
 * that refines the code found (`AccessDenied` with a JWT library's message) wins over it.
 */
export function findSupabaseRow(
  catalogue: Catalogue,
  facts: SupabaseFacts,
): CatalogueRow | undefined {
  const byCode =
    facts.code === undefined
      ? undefined
      : (lookupCode(catalogue, "supabase", facts.code) ?? lookupSupabaseLabel(facts.code));
  const known =
    byCode ?? (facts.label === undefined ? undefined : lookupSupabaseLabel(facts.label));
  const byMessage =
    facts.message === undefined ? undefined : lookupSupabaseMessage(facts.message, facts.status);
  if (byMessage === undefined) return known;
  if (known === undefined || byMessage.refines?.includes(known.code) === true) return byMessage;
  return known;
}

/** Supabase REST's labels and fixed messages, for the catalogues that read its errors. */
export const SUPABASE_REST: SupabaseRestReader = {
  findRow: findSupabaseRow,
  lookupLabel: lookupSupabaseLabel,
};
