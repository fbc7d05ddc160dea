import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** What one run of the binary printed and its exit status. */
export interface BinRun {
  stdout: string;
  stderr: string;
  code: number;
}

/**
 * Builds the `bucketguard` binary with tsup as the package does (the same entry, ESM for Node,
 * shebang kept), into a temporary folder: only this entry and no declarations, so it takes about
 * a second. Returns a runner of the built file and a cleanup.
 */
export async function buildCli(): Promise<{
  bin: string;
  exec: (args: readonly string[], stdin?: string) => Promise<BinRun>;
  remove: () => Promise<void>;
}> {
  const outDir = await mkdtemp(join(tmpdir(), "bucketguard-cli-"));
  const tsup = join(process.cwd(), "node_modules", ".bin", "tsup");
  await run(
    tsup,
    [
      "src/cli/main.ts",
      "--no-config",
      "--format",
      "esm",
      "--platform",
      "node",
      "--target",
      "es2022",
      "--out-dir",
      outDir,
    ],
    { cwd: process.cwd() },
  );
  const bin = join(outDir, "main.js");
  const exec = (args: readonly string[], stdin?: string): Promise<BinRun> =>
    new Promise((resolve, reject) => {
      // The file is run by its shebang, as npm's bin link runs it.
      const child = execFile(bin, args, { timeout: 20_000 }, (error, stdout, stderr) => {
        const code = error === null ? 0 : (error as { code?: unknown }).code;
        if (typeof code !== "number") reject(error);
        else resolve({ stdout, stderr, code });
      });
      if (stdin !== undefined) child.stdin?.end(stdin);
      else child.stdin?.end();
    });
  return { bin, exec, remove: () => rm(outDir, { recursive: true, force: true }) };
}
