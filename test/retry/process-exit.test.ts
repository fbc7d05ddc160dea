import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("./exit-script.ts", import.meta.url));
// Far below the ten-minute waits the scenarios would otherwise hang on, far above tsx's start-up.
const GUARD_MS = 25_000;

function runScenario(
  name: string,
): Promise<{ code: number | null; killed: boolean; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, name], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    let killed = false;
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const guard = setTimeout(() => {
      killed = true;
      child.kill("SIGKILL");
    }, GUARD_MS);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(guard);
      resolve({ code, killed, stdout });
    });
  });
}

describe("nothing keeps Node alive", () => {
  it("after an abort in the middle of a ten-minute backoff", { timeout: 40_000 }, async () => {
    const { code, killed, stdout } = await runScenario("abort-mid-backoff");
    expect(killed).toBe(false);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe("gaveUp=aborted");
  });

  it("after a give-up with a ten-minute attempt timeout pending", { timeout: 40_000 }, async () => {
    const { code, killed, stdout } = await runScenario("give-up");
    expect(killed).toBe(false);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe("gaveUp=not_retryable");
  });
});
