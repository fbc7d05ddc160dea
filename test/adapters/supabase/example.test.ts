import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("examples/supabase.ts", () => {
  it("runs against its loopback storage-api and shows retry, reconciliation and a normalized error", async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "examples/supabase.ts"], {
      timeout: 60_000,
    });
    expect(stdout).toContain("retry after attempt 1: timeout (DatabaseTimeout)");
    expect(stdout).toContain("listed: report.txt");
    expect(stdout).toContain("uploaded: docs/report.txt (reconciled");
    expect(stdout).toMatch(/not_found \w+ status=404/);
  });
});
