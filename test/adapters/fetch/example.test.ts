import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("examples/fetch.ts", () => {
  it("runs against its loopback S3 and shows a signed retry and an expired presigned URL", async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "examples/fetch.ts"], {
      timeout: 60_000,
    });
    expect(stdout).toContain("retry after attempt 1: SlowDown (throttling)");
    expect(stdout).toContain("200: hello from the bucket");
    expect(stdout).toMatch(/AccessDenied status=403 retry=never: Request has expired/);
    expect(stdout).toContain("requests served: 3");
  });
});
