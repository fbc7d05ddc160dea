import type { ScenarioResult } from "./scenario.js";

function cellsOf(result: ScenarioResult): string[][] {
  return result.rows.map((row) => [
    row.contender,
    ...result.columns.map((c) => row.cells[c] ?? ""),
  ]);
}

/** A scenario as an aligned plain-text table, with its title and target. */
export function formatTextTable(result: ScenarioResult): string {
  const header = ["client", ...result.columns];
  const body = cellsOf(result);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const notes = result.notes.map((note) => `  note: ${note}`);
  return [
    result.title,
    `target: ${result.target}`,
    line(header),
    rule,
    ...body.map(line),
    ...notes,
  ].join("\n");
}

/** A scenario as a Markdown section (heading, target, table). */
export function formatMarkdownTable(result: ScenarioResult): string {
  const header = ["client", ...result.columns];
  const row = (cells: readonly string[]) =>
    `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
  return [
    `### ${result.title}`,
    "",
    `Target: ${result.target}.`,
    "",
    row(header),
    row(header.map(() => "---")),
    ...cellsOf(result).map(row),
  ].join("\n");
}
