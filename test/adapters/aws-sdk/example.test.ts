import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("examples/aws-sdk.ts", () => {
  it("reads from s3rver and handles every provider's error in one catch", async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "examples/aws-sdk.ts"], {
      timeout: 60_000,
    });
    expect(stdout).toContain('s3rver: read "meow" in 1 attempt(s)');
    expect(stdout).toContain("s3rver: NoSuchKey, missing key");
    expect(stdout).toContain("R2: throttled, gave up (max_attempts) after 2 attempts");
    expect(stdout).toMatch(/IBM COS: quota_exceeded VaultQuotaExceeded \(retry class never\)/);
    expect(stdout).toContain(
      'Yandex: PreconditionFailed (sent as "Precondition Failed"), not retried',
    );
    expect(stdout).toContain("Supabase S3: NoSuchKey, missing key");
  });
});
