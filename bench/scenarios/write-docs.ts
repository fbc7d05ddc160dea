import { readFile, writeFile } from "node:fs/promises";
import { formatMarkdownTable } from "./format-table.js";
import type { ScenarioResult } from "./scenario.js";

const HEADING = "## end to end against an S3 server (`npm run bench`)";

/**
 * Replaces the body of the end-to-end section of docs/benchmarks.md (up to the next `## ` or
 * the end) with the run's tables and a link to the chart; the other sections stay untouched.
 */
export async function writeBenchmarksSection(
  docsPath: string,
  results: readonly ScenarioResult[],
  preamble: string,
): Promise<void> {
  const text = await readFile(docsPath, "utf8");
  const start = text.indexOf(HEADING);
  if (start < 0) throw new Error(`${docsPath} has no "${HEADING}" section`);
  const bodyStart = start + HEADING.length;
  const nextHeading = text.indexOf("\n## ", bodyStart);
  const end = nextHeading < 0 ? text.length : nextHeading + 1;
  const body = [
    "",
    preamble,
    "",
    "![bar chart of the scenarios](bench-chart.svg)",
    "",
    ...results.map((r) => `${formatMarkdownTable(r)}\n`),
  ].join("\n");
  const tail = nextHeading < 0 ? "" : `\n${text.slice(end)}`;
  await writeFile(docsPath, `${text.slice(0, bodyStart)}\n${body}${tail}`);
}
