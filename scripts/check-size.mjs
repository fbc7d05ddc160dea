// Size budgets of what a consumer's bundler keeps: each import is bundled from dist/ with esbuild
// (--bundle --minify --platform=neutral, peers external) and measured gzip -9.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const KB = 1024;
// `maxBytes` is what CI enforces; where it is above `targetBytes`, the target is not met yet and
// the ceiling stops further growth. The whole core and the fetch and Supabase adapters carry
// their providers' catalogue hints (about 2.8, 2.6 and 1.6 KB gzipped; the R2 and Supabase ones
// are the providers' own recommended fixes), the default retry budget and rate limiter, and for
// Supabase the MD5 that proves an upload landed (docs/benchmarks.md).
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
    maxBytes: 14 * KB,
  },
  {
    name: 'import * from "bucketguard"',
    code: 'export * from "./dist/index.js";',
    targetBytes: 20 * KB,
    maxBytes: 22 * KB,
  },
  {
    name: 'import * from "bucketguard/r2"',
    code: 'export * from "./dist/r2.js";',
    maxBytes: 20 * KB,
  },
  {
    name: 'import * from "bucketguard/supabase"',
    code: 'export * from "./dist/supabase.js";',
    targetBytes: 20 * KB,
    maxBytes: 21 * KB,
  },
  {
    name: 'import * from "bucketguard/fetch"',
    code: 'export * from "./dist/fetch.js";',
    targetBytes: 20 * KB,
    maxBytes: 21 * KB,
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
