import { formatCounts, percentile } from "./measure.js";
import { runColumns } from "./run-columns.js";
import { fixed, type ScenarioEnv, type ScenarioResult } from "./scenario.js";
import { seedObjects } from "./seed-objects.js";

const CAPACITY_RPS = 150;
const WORKERS = 32;
const DURATION_MS = 5000;

/** Scenario 3: 32 workers against a server that serves 150 requests/s and answers SlowDown beyond. */
export async function runOverload(env: ScenarioEnv): Promise<ScenarioResult> {
  await seedObjects(env.directEndpoint, env.bucket, "overload-", 20, 1024);
  const { runs, skipped } = await runColumns(
    env,
    "overload",
    () => ({ capacity: { requestsPerSecond: CAPACITY_RPS } }),
    { concurrency: WORKERS, durationMs: DURATION_MS },
    (i) => `overload-${i % 20}`,
  );
  return {
    title: `3. Overload: capacity ${CAPACITY_RPS} req/s (SlowDown beyond), ${WORKERS} workers, ${DURATION_MS / 1000} s`,
    target: "goodput >= 95% of capacity, no failed operations, requests per success <= 1.15",
    columns: [
      "goodput % of capacity",
      "succeeded",
      "failed",
      "requests per success",
      "p50 ms",
      "p99 ms",
      "errors by kind",
    ],
    metric: "goodput % of capacity",
    notes: skipped,
    rows: runs.map(({ contender, result, requests }) => {
      // Successes inside the window only: the tail of backoffs after it is not capacity used.
      const inWindow = result.successAtMs.filter((t) => t <= DURATION_MS).length;
      const goodput = (inWindow / (DURATION_MS / 1000) / CAPACITY_RPS) * 100;
      return {
        contender,
        value: goodput,
        cells: {
          "goodput % of capacity": fixed(goodput, 1),
          succeeded: String(result.succeeded),
          failed: String(result.failed),
          "requests per success": fixed(requests / Math.max(1, result.succeeded)),
          "p50 ms": fixed(percentile(result.latenciesMs, 0.5), 1),
          "p99 ms": fixed(percentile(result.latenciesMs, 0.99), 1),
          "errors by kind": formatCounts(result.errorsByKind),
        },
      };
    }),
  };
}
