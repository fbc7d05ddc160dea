import { formatCounts, percentile } from "./measure.js";
import { runColumns } from "./run-columns.js";
import { fixed, type ScenarioEnv, type ScenarioResult } from "./scenario.js";
import { seedObjects } from "./seed-objects.js";

const RUN_MS = 9000;
const OUTAGE = { fromMs: 3000, toMs: 6000 };
const WORKERS = 8;

/** Scenario 4: every request answers 503 for 3 s in the middle of a 9 s run of 8 GET loops. */
export async function runOutage(env: ScenarioEnv): Promise<ScenarioResult> {
  await seedObjects(env.directEndpoint, env.bucket, "outage-", 8, 1024);
  const { runs, skipped } = await runColumns(
    env,
    "outage",
    () => ({ outage: OUTAGE }),
    { concurrency: WORKERS, durationMs: RUN_MS },
    (i) => `outage-${i % 8}`,
  );
  return {
    title: `4. Outage: 503 for every request in [3 s, 6 s) of a ${RUN_MS / 1000} s run, ${WORKERS} workers looping GETs`,
    target: "no failed operations, <= 100 requests sent during the outage",
    columns: [
      "operations",
      "failed",
      "requests in outage",
      "requests total",
      "p99 ms",
      "errors by kind",
    ],
    metric: "requests sent during the outage",
    notes: skipped,
    rows: runs.map(({ contender, result, requests, byFault }) => ({
      contender,
      value: byFault.outage ?? 0,
      cells: {
        operations: String(result.operations),
        failed: String(result.failed),
        "requests in outage": String(byFault.outage ?? 0),
        "requests total": String(requests),
        "p99 ms": fixed(percentile(result.latenciesMs, 0.99), 1),
        "errors by kind": formatCounts(result.errorsByKind),
      },
    })),
  };
}
