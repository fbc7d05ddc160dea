import { describe, expect, it } from "vitest";
import { renderErrorsDoc } from "../../scripts/generate-docs.js";
import { lookupSupabaseMessage } from "../../src/errors/catalogue/find-supabase-row.js";
import { CATALOGUES } from "../../src/errors/catalogue/index.js";
import { supabaseMessageRows } from "../../src/errors/catalogue/supabase.js";

const SUPABASE_MESSAGES = supabaseMessageRows();

describe("Supabase message rows", () => {
  it.each(SUPABASE_MESSAGES)(
    "$message: lower case, a status of its own, a one-line hint",
    (row) => {
      expect(row.message).toBe(row.message.toLowerCase());
      expect(row.message.trimStart()).toBe(row.message);
      expect(row.statuses.length).toBeGreaterThan(0);
      expect(row.hint).toMatch(/^\S.{9,119}$/);
    },
  );

  it.each(SUPABASE_MESSAGES)("$message is reached under one of its statuses at least", (row) => {
    const reached = row.statuses.some(
      (status) => lookupSupabaseMessage(`${row.message}x`, status) === row,
    );
    expect(reached).toBe(true);
  });

  it("reads a fixed message as its code's own row", () => {
    for (const row of SUPABASE_MESSAGES.filter((r) => r.refines === undefined)) {
      const own = CATALOGUES.supabase.find((r) => r.code === row.code);
      expect(own, row.message).toBeDefined();
      expect({ kind: row.kind, retry: row.retry, hint: row.hint }).toEqual({
        kind: own?.kind,
        retry: own?.retry,
        hint: own?.hint,
      });
    }
  });

  it("reads every JWT failure as unauthenticated, credentials only when expired", () => {
    for (const row of SUPABASE_MESSAGES.filter((r) => r.refines?.includes("AccessDenied"))) {
      expect(row.kind, row.message).toBe("unauthenticated");
      expect(row.retry, row.message).toBe(
        /^"exp"|expired/.test(row.message) ? "credentials" : "never",
      );
    }
  });

  it("compares messages by their start, in lower case, spaces collapsed", () => {
    expect(lookupSupabaseMessage("  The Resource   already EXISTS", 409)?.code).toBe(
      "ResourceAlreadyExists",
    );
    expect(lookupSupabaseMessage("The resource already exists", 404)).toBeUndefined();
    expect(lookupSupabaseMessage("mime type image/gif is not supported", 415)?.code).toBe(
      "InvalidMimeType",
    );
  });

  it("are listed in docs/errors.md", () => {
    const rendered = renderErrorsDoc();
    for (const row of SUPABASE_MESSAGES) expect(rendered).toContain(`\`${row.message}\``);
  });
});
