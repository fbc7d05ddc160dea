import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ERRORS_DOC_PATH, renderErrorsDoc } from "../../scripts/generate-docs.js";
import { CATALOGUES, supabaseLabelRows } from "../../src/errors/catalogue/index.js";

describe("docs/errors.md", () => {
  const rendered = renderErrorsDoc();

  it("is up to date with the catalogue (run `npm run docs`)", () => {
    expect(readFileSync(ERRORS_DOC_PATH, "utf8")).toBe(rendered);
  });

  it("lists every code, R2 number and legacy label", () => {
    for (const rows of Object.values(CATALOGUES)) {
      for (const row of rows) expect(rendered).toContain(`\`${row.code}\``);
    }
    for (const row of CATALOGUES.r2) expect(rendered).toMatch(new RegExp(`\\| ${row.r2Code} +\\|`));
    for (const row of supabaseLabelRows()) expect(rendered).toContain(`\`${row.label}\``);
  });

  it("shows Supabase's documented status beside the one it sends", () => {
    expect(rendered).toMatch(
      /\| `SlowDown` +\| 429 \(docs: 503\) +\| throttled +\| throttling +\|/,
    );
  });
});
