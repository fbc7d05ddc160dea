import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The `deno` npm package's binary. */
export const DENO_PATH = fileURLToPath(new URL("../../../node_modules/.bin/deno", import.meta.url));

/** What a Deno run printed, and how it ended. */
export interface DenoRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `script` (one ES module) under Deno with network access to 127.0.0.1 only and read access
 * to the script alone, in a temporary directory removed afterwards. The process is killed by PID
 * if it outlives `timeoutMs` or the call fails.
 */
export async function runDeno(
  script: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<DenoRun> {
  const directory = await mkdtemp(join(tmpdir(), "bucketguard-deno-"));
  const scriptPath = join(directory, "smoke.js");
  let pid: number | undefined;
  try {
    await writeFile(scriptPath, script);
    return await new Promise<DenoRun>((resolve, reject) => {
      const child = spawn(
        DENO_PATH,
        [
          "run",
          "--no-config",
          "--no-lock",
          "--no-prompt",
          "--allow-net=127.0.0.1",
          `--allow-read=${scriptPath}`,
          scriptPath,
          ...args,
        ],
        {
          cwd: directory,
          env: {
            PATH: process.env.PATH ?? "",
            HOME: directory,
            DENO_DIR: join(directory, "deno-dir"),
            DENO_NO_UPDATE_CHECK: "1",
            NO_COLOR: "1",
          },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      pid = child.pid;
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const timer = setTimeout(() => {
        if (pid !== undefined) process.kill(pid, "SIGKILL");
        reject(new Error(`deno ran longer than ${timeoutMs} ms: ${stderr}`));
      }, timeoutMs);
      child.on("error", (error) => {
        clearTimeout(timer);
        reject(new Error(`deno could not start from ${DENO_PATH}: ${error.message}`));
      });
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        pid = undefined;
        resolve({ code, signal, stdout, stderr });
      });
    });
  } finally {
    if (pid !== undefined) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    await rm(directory, { recursive: true, force: true });
  }
}
