import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { shouldRun } from "../availability.js";
import { bundleEntry } from "../bundle.js";
import { BUCKETS, type S3Stack, startS3Stack } from "../s3-stack.js";
import { normalizeSlowDown, type Outcome, type ThrownSeen } from "../scenarios.js";
import { DENO_PATH, type DenoRun, runDeno } from "./run-deno.js";

const runs = shouldRun("Deno", DENO_PATH, "npm ci installs the deno package");

interface SmokeReport {
  deno: string;
  normalized: {
    kind: string;
    retry: string;
    code: string;
    requestId: string;
    retryAfterMs: number;
  };
  afterReset: Outcome;
  after503: Outcome;
  refusedRaw: ThrownSeen | undefined;
  refusedGuarded: Outcome;
  netByHostname: string | undefined;
  readBeside: string | undefined;
}

describe.runIf(runs)(
  "Deno: the core and bucketguard/fetch against s3rver behind the fault proxy",
  () => {
    let stack: S3Stack | undefined;
    let run: DenoRun;
    let report: SmokeReport;

    // A setup failure (Deno missing, not starting, or failing) fails every test with its reason.
    let setupError: unknown;
    beforeAll(async () => {
      try {
        stack = await startS3Stack();
        await stack.put(BUCKETS.exposed, "after-reset", "hello after a reset");
        await stack.put(BUCKETS.exposed, "after-503", "hello after a 503");
        stack.proxy.setFaults({
          script: [
            { method: "GET", path: "/exposed/after-reset", count: 1, fault: { type: "reset" } },
            {
              method: "GET",
              path: "/exposed/after-503",
              count: 1,
              fault: { type: "error", error: "unavailable" },
            },
          ],
        });
        const script = await bundleEntry("./deno/smoke-entry.ts", "neutral");
        run = await runDeno(script, [stack.endpoint, stack.refusedUrl], 40_000);
        const lastLine = run.stdout.trim().split("\n").at(-1) ?? "";
        if (run.code !== 0)
          throw new Error(`deno exited with ${run.code ?? run.signal}: ${run.stderr}`);
        report = JSON.parse(lastLine) as SmokeReport;
      } catch (error) {
        setupError = error;
      }
    });

    beforeEach(() => {
      if (setupError !== undefined) throw setupError;
    });

    afterAll(async () => {
      await stack?.close();
    });

    it("runs Deno 2.x from the deno package, with network access to loopback only", () => {
      expect(report.deno).toMatch(/^2\.\d+\.\d+$/);
      expect(run.stderr).toBe("");
      expect(report.netByHostname).toBe("NotCapable");
      expect(report.readBeside).toBe("NotCapable");
    });

    it("normalizes a SlowDown answer with the core's tables", () => {
      // What Node makes of the same answer, and what the catalogue says.
      expect(report.normalized).toEqual(normalizeSlowDown());
      expect(report.normalized).toEqual({
        kind: "throttled",
        retry: "throttling",
        code: "SlowDown",
        requestId: "R1",
        retryAfterMs: 2000,
      });
    });

    it("retries a GET after a connection reset and after a 503", () => {
      expect(report.afterReset).toMatchObject({ status: 200, body: "hello after a reset" });
      expect(report.afterReset.retries).toEqual([
        expect.objectContaining({ kind: "network", retry: "transient" }),
      ]);
      expect(report.after503).toMatchObject({ status: 200, body: "hello after a 503" });
      expect(report.after503.retries).toEqual([
        expect.objectContaining({ kind: "unavailable", code: "ServiceUnavailable" }),
      ]);
      expect(stack?.proxy.stats.byFault).toEqual({ reset: 1, unavailable: 1 });
    });

    it("normalizes a refused connection to network/transient and retries it up to maxAttempts", () => {
      expect(report.refusedRaw).toMatchObject({
        name: "TypeError",
        kind: "network",
        retry: "transient",
      });
      expect(report.refusedGuarded.thrown).toMatchObject({ kind: "network", retry: "transient" });
      expect(report.refusedGuarded.retries).toHaveLength(1);
      expect(report.refusedGuarded.gaveUp).toBe("max_attempts");
    });
  },
);
