import type { FaultPlan } from "../server/index.js";
import { formatCounts, percentile } from "./measure.js";
import { runColumns } from "./run-columns.js";
import { fixed, type ScenarioEnv, type ScenarioResult } from "./scenario.js";
import { seedObjects } from "./seed-objects.js";

const OPERATIONS = 1500;
const CONCURRENCY = 32;
/** Per client; a client slower than this is cut short (its row shows fewer operations). */
const CAP_MS = 20_000;

/** 20% of GETs fail independently: 7% 500 InternalError, 7% 503 SlowDown, 6% connection reset. */
export function independentFaultPlan(seed: number): FaultPlan {
  return {
    random: {
      seed,
      match: (req) => req.method === "GET",
      faults: [
        { fault: { type: "error", error: "internal" }, rate: 0.07 },
        { fault: { type: "error", error: "slow-down" }, rate: 0.07 },
        { fault: { type: "reset" }, rate: 0.06 },
      ],
    },
  };
}

/** Scenario 2: success rate and amplification under 20% independent faults. */
export async function runIndependentFaults(env: ScenarioEnv): Promise<ScenarioResult> {
  await seedObjects(env.directEndpoint, env.bucket, "faults-", 50, 1024);
  const { runs, skipped } = await runColumns(
    env,
    "independent faults",
    () => independentFaultPlan(env.seed),
    { concurrency: CONCURRENCY, operations: OPERATIONS, durationMs: CAP_MS },
    (i) => `faults-${i % 50}`,
  );
  return {
    title: `2. Independent faults: ${OPERATIONS} GETs (at most ${CAP_MS / 1000} s), ${CONCURRENCY} workers, 20% of requests fail (500 / SlowDown / reset), seed ${env.seed}`,
    target: "success >= 99.9%, amplification <= 1.3",
    columns: [
      "operations",
      "success %",
      "failed",
      "requests",
      "amplification",
      "p50 ms",
      "p99 ms",
      "wall s",
      "errors by kind",
    ],
    metric: "failed operations %",
    notes: skipped,
    rows: runs.map(({ contender, result, requests }) => {
      const success = (result.succeeded / result.operations) * 100;
      return {
        contender,
        value: 100 - success,
        cells: {
          operations: String(result.operations),
          "success %": fixed(success, 2),
          failed: String(result.failed),
          requests: String(requests),
          amplification: fixed(requests / result.operations),
          "p50 ms": fixed(percentile(result.latenciesMs, 0.5), 1),
          "p99 ms": fixed(percentile(result.latenciesMs, 0.99), 1),
          "wall s": fixed(result.elapsedMs / 1000, 1),
          "errors by kind": formatCounts(result.errorsByKind),
        },
      };
    }),
  };
}
