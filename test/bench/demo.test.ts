import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("examples/demo.ts", () => {
  it("runs all three clients, prints the table and exits by itself", async () => {
    const args = [
      "--import",
      "tsx",
      "examples/demo.ts",
      "--duration=0.5",
      "--concurrency=2",
      "--dialect=r2",
    ];
    const { stdout } = await run(process.execPath, args, { timeout: 60_000 });
    expect(stdout).toContain("(dialect r2)");
    expect(stdout).toMatch(/ +sdk-default +sdk-adaptive +bucketguard/);
    expect(stdout).toMatch(/success rate %/);
    expect(stdout).toMatch(/requests sent +\d+ +\d+ +\d+/);
    expect(stdout).toContain("errors by kind");
  });
});
