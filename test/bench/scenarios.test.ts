import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createFakeR2Bucket } from "../../bench/scenarios/fake-r2-bucket.js";
import { formatMarkdownTable, formatTextTable } from "../../bench/scenarios/format-table.js";
import { formatCounts, percentile, runWorkers } from "../../bench/scenarios/measure.js";
import { renderChart } from "../../bench/scenarios/render-chart.js";
import type { ScenarioResult } from "../../bench/scenarios/scenario.js";
import { writeBenchmarksSection } from "../../bench/scenarios/write-docs.js";
import { createPrng } from "../../bench/server/index.js";

const result: ScenarioResult = {
  title: "9. Example: a scenario",
  target: "x <= 1",
  columns: ["success %", "errors"],
  metric: "success %",
  notes: ["nothing skipped"],
  rows: [
    { contender: "sdk-default", value: 99.2, cells: { "success %": "99.20", errors: "a|b" } },
    { contender: "bucketguard", value: 100, cells: { "success %": "100.00", errors: "-" } },
  ],
};

describe("measure", () => {
  it("takes nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.99)).toBe(99);
    expect(percentile([], 0.5)).toBe(0);
  });

  it("formats counts largest first", () => {
    expect(formatCounts({ a: 1, b: 3 })).toBe("b 3, a 1");
    expect(formatCounts({})).toBe("-");
  });

  it("runs a fixed number of operations and classifies failures", async () => {
    const run = await runWorkers({ concurrency: 3, operations: 10 }, async (i) => {
      if (i % 5 === 0) throw Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
    });
    expect(run).toMatchObject({ operations: 10, succeeded: 8, failed: 2 });
    expect(run.latenciesMs).toHaveLength(10);
    expect(run.successAtMs).toHaveLength(8);
    expect(Object.values(run.errorsByKind).reduce((a, b) => a + b, 0)).toBe(2);
  });
});

describe("createPrng", () => {
  it("repeats its sequence for a seed and stays in [0, 1)", () => {
    const a = createPrng(3);
    const b = createPrng(3);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(draws.every((d) => d >= 0 && d < 1)).toBe(true);
    expect(createPrng(4)()).not.toBe(draws[0]);
  });
});

describe("report output", () => {
  it("aligns the text table and lists notes", () => {
    const text = formatTextTable(result);
    expect(text).toContain("client       success %  errors");
    expect(text).toContain("bucketguard  100.00     -");
    expect(text).toContain("note: nothing skipped");
  });

  it("escapes pipes in Markdown cells and leaves notes out", () => {
    const md = formatMarkdownTable(result);
    expect(md).toContain("| sdk-default | 99.20 | a\\|b |");
    expect(md).not.toContain("nothing skipped");
  });

  it("draws one bar per row in a standalone SVG", () => {
    const svg = renderChart([result]);
    expect(svg.startsWith("<svg xmlns=")).toBe(true);
    expect(svg.match(/<rect x=/g)).toHaveLength(2);
    expect(svg).toContain("9. Example");
  });

  it("replaces only the end-to-end section of benchmarks.md", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bench-docs-"));
    const path = join(dir, "benchmarks.md");
    const before =
      "# B\n\n## normalize\n\nkeep\n\n## end to end against an S3 server (`npm run bench`)\n\n_Not yet recorded._\n\n## later\n\nkeep too\n";
    await writeFile(path, before);
    try {
      await writeBenchmarksSection(path, [result], "Preamble.");
      const after = await readFile(path, "utf8");
      expect(after).toContain("## normalize\n\nkeep\n");
      expect(after).not.toContain("_Not yet recorded._");
      expect(after).toContain("Preamble.");
      expect(after).toContain("![bar chart of the scenarios](bench-chart.svg)");
      expect(after).toContain("## later\n\nkeep too\n");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("createFakeR2Bucket", () => {
  it("rejects a second write to a key within the interval with R2's 10058 message", async () => {
    const { bucket, stats } = createFakeR2Bucket({ putLatencyMs: 0, writeIntervalMs: 60_000 });
    await bucket.put("k", "1");
    await expect(bucket.put("k", "2")).rejects.toThrow(
      "put: Reduce your concurrent request rate for the same object. (10058)",
    );
    await bucket.put("other", "3");
    expect(stats).toEqual({ puts: 3, rejected: 1 });
    expect(await bucket.head("k")).toMatchObject({ key: "k" });
  });
});
