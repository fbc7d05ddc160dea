// Guards the published build: the core imports no Node built-in, and no peer dependency is bundled.
import { readdirSync, readFileSync } from "node:fs";

const problems = [];
const files = readdirSync("dist").filter((f) => /\.(c?js)$/.test(f));
const nodeBuiltin =
  /(?:from\s*|require\(\s*|import\(\s*)["'](node:[\w/]+|fs|path|os|http|https|net|tls|stream|crypto|buffer|events|url|util|zlib|child_process)["']/;
// The AWS SDK adapter may use node:stream (the SDK on Node streams Node Readables); nothing else may.
const coreFiles = files.filter((f) => !f.startsWith("aws-sdk."));
for (const file of coreFiles) {
  const text = readFileSync(`dist/${file}`, "utf8");
  const hit = text.match(nodeBuiltin);
  if (hit) problems.push(`dist/${file} imports the Node built-in "${hit[1]}"`);
}
const peerMarkers = [
  "class S3ServiceException",
  "class StorageApiError",
  "resolveAwsSdkSigV4Config",
];
for (const file of files) {
  const text = readFileSync(`dist/${file}`, "utf8");
  for (const marker of peerMarkers) {
    if (text.includes(marker))
      problems.push(`dist/${file} bundles a peer dependency ("${marker}")`);
  }
}
for (const entry of ["index", "aws-sdk", "r2", "supabase", "fetch", "interop", "otel", "redis"]) {
  for (const ext of [".js", ".cjs", ".d.ts", ".d.cts"]) {
    try {
      readFileSync(`dist/${entry}${ext}`);
    } catch {
      problems.push(`dist/${entry}${ext} is missing`);
    }
  }
}
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
console.log(`dist ok: ${files.length} files checked`);
