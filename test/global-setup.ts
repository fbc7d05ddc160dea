// The package tests (test/package, test/runtimes) read the build in dist/. On a fresh clone, or
// after a change to the sources, `npm test` builds it first, so the README's two commands work
// without a separate `npm run build`. CI builds before testing, and then nothing is rebuilt.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const BUILT = "dist/index.js";
const INPUTS = [
  "src",
  "tsup.config.ts",
  "scripts/compact-module.ts",
  "scripts/share-declarations.mjs",
  "package.json",
];

function newestMtimeMs(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path))
    newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  return newest;
}

export default function setup(): void {
  const builtAt = existsSync(BUILT) ? statSync(BUILT).mtimeMs : Number.NEGATIVE_INFINITY;
  const changedAt = Math.max(...INPUTS.filter(existsSync).map(newestMtimeMs));
  if (builtAt >= changedAt) return;
  console.log("dist/ is missing or older than the sources: npm run build");
  execFileSync("npm", ["run", "build", "--silent"], { stdio: "inherit" });
}
