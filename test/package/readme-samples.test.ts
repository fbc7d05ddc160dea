import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createConsumerProject, ROOT, tsconfig } from "./consumer-project.js";

/** The README's ```ts blocks, each with the line it starts on. */
function extractTsBlocks(markdown: string): { line: number; code: string }[] {
  const blocks: { line: number; code: string }[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i += 1) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i] ?? "")) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? "")) end += 1;
    blocks.push({ line: start + 1, code: lines.slice(start, end).join("\n") });
    i = end;
  }
  return blocks;
}

describe("README samples", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const blocks = extractTsBlocks(readme);

  it("finds the samples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
  });

  it("type-check against the built package, each as its own module", async () => {
    // Workers samples get the Workers globals (as `wrangler types` writes them); the others a
    // Node project with the DOM lib.
    const isWorker = (code: string) => code.includes('"bucketguard/r2"');
    const globals = readFileSync(join(ROOT, "test/package/readme-globals.d.ts"), "utf8");
    const projects = [
      createConsumerProject({
        "tsconfig.json": tsconfig({ lib: ["ES2022", "DOM", "DOM.Iterable"], types: ["node"] }),
        "readme-globals.d.ts": globals,
        ...samples(blocks.filter((block) => !isWorker(block.code))),
      }),
      createConsumerProject({
        "tsconfig.json": tsconfig({
          lib: ["ES2022"],
          types: [],
          module: "ESNext",
          moduleResolution: "Bundler",
        }),
        "readme-globals.d.ts": globals,
        "worker-configuration.d.ts": readFileSync(
          join(ROOT, "node_modules/@cloudflare/workers-types/index.d.ts"),
          "utf8",
        ),
        ...samples(blocks.filter((block) => isWorker(block.code))),
      }),
    ];
    try {
      const diagnostics = await Promise.all(projects.map((project) => project.typecheck()));
      // Each diagnostic names its file, readme-line-<N>.ts: the sample starting on README line N.
      expect(diagnostics).toEqual(["", ""]);
    } finally {
      for (const project of projects) project.remove();
    }
  }, 300_000);
});

function samples(blocks: readonly { line: number; code: string }[]): Record<string, string> {
  const files: Record<string, string> = {};
  // `export {}` makes every sample a module: its own scope, top-level await allowed.
  for (const block of blocks) files[`readme-line-${block.line}.ts`] = `${block.code}\nexport {};\n`;
  return files;
}
