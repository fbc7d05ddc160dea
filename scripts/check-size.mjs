// Size budgets of what a consumer's bundler keeps: each import is bundled from dist/ with esbuild
// (--bundle --minify --platform=neutral, peers external) and measured gzip -9.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const KB = 1024;
// `targetBytes` is where a budget should be; `maxBytes` is the ceiling CI enforces. The catalogue
// (every Ceph RGW code, the Supabase server's fixed messages) and the engine (breaker, telemetry
// hooks) grew past the targets of normalize, the whole core and the adapters: the ceilings stop
// further growth while the targets are worked back to.
const BUDGETS = [
  {
    name: 'import { isStorageError } from "bucketguard"',
    code: 'export { isStorageError } from "./dist/index.js";',
    maxBytes: 2 * KB,
  },
  {
    name: 'import { computeDelayMs } from "bucketguard"',
    code: 'export { computeDelayMs } from "./dist/index.js";',
    maxBytes: 1 * KB,
  },
  {
    name: 'import { normalize } from "bucketguard"',
    code: 'export { normalize } from "./dist/index.js";',
    targetBytes: 14 * KB,
    maxBytes: 16 * KB,
  },
  {
    name: 'import * from "bucketguard"',
    code: 'export * from "./dist/index.js";',
    targetBytes: 20 * KB,
    maxBytes: 25 * KB,
  },
  {
    name: 'import * from "bucketguard/r2"',
    code: 'export * from "./dist/r2.js";',
    targetBytes: 20 * KB,
    maxBytes: 28 * KB,
  },
  {
    name: 'import * from "bucketguard/supabase"',
    code: 'export * from "./dist/supabase.js";',
    targetBytes: 20 * KB,
    maxBytes: 28 * KB,
  },
  {
    name: 'import * from "bucketguard/fetch"',
    code: 'export * from "./dist/fetch.js";',
    targetBytes: 20 * KB,
    maxBytes: 28 * KB,
  },
];
const PEERS = ["@aws-sdk/*", "@smithy/*", "@cloudflare/*", "@supabase/*"];

let failed = 0;
for (const budget of BUDGETS) {
  const result = await build({
    stdin: { contents: budget.code, resolveDir: process.cwd(), loader: "js" },
    bundle: true,
    minify: true,
    platform: "neutral",
    format: "esm",
    external: PEERS,
    write: false,
    logLevel: "silent",
  });
  const bytes = result.outputFiles[0].contents;
  const gzipped = gzipSync(bytes, { level: 9 }).byteLength;
  const ok = gzipped <= budget.maxBytes;
  const overTarget = budget.targetBytes !== undefined && gzipped > budget.targetBytes;
  if (!ok) failed += 1;
  const kb = (n) => `${(n / KB).toFixed(2)} KB`;
  console.log(
    `${ok ? "ok  " : "FAIL"} ${budget.name}: ${kb(gzipped)} gzipped (${kb(bytes.byteLength)} minified), ceiling ${kb(budget.maxBytes)}${overTarget ? `, over its target of ${kb(budget.targetBytes)}` : ""}`,
  );
}
if (failed > 0) {
  console.error(`${failed} size budget(s) exceeded`);
  process.exit(1);
}
