import { createContender } from "./contenders.js";
import { formatCounts, runWorkers } from "./measure.js";
import { fixed, type ScenarioEnv, type ScenarioResult, type ScenarioRow } from "./scenario.js";
import { seedObjects } from "./seed-objects.js";

const SIZE_BYTES = 1024 * 1024;

/** Scenario 6: the first GET's body stops at half its announced length, then the socket closes. */
export async function runTruncatedDownload(env: ScenarioEnv): Promise<ScenarioResult> {
  await seedObjects(env.directEndpoint, env.bucket, "truncated-", 1, SIZE_BYTES);
  const path = `/${env.bucket}/truncated-0`;
  const rows: ScenarioRow[] = [];
  const notes: string[] = [];
  for (const name of env.contenders) {
    const contender = createContender(name, env);
    if (!contender) {
      notes.push(`${name} not loaded`);
      continue;
    }
    env.proxy.setFaults({
      script: [{ method: "GET", path, count: 1, fault: { type: "truncate", keepFraction: 0.5 } }],
    });
    env.proxy.stats.reset();
    let bytes = 0;
    const result = await runWorkers({ concurrency: 1, operations: 1 }, async () => {
      bytes = await contender.get("truncated-0");
      if (bytes !== SIZE_BYTES) throw new Error(`short body: ${bytes} of ${SIZE_BYTES} bytes`);
    });
    contender.close();
    env.proxy.setFaults({});
    env.log(`truncated download ${name}: ${result.failed === 0 ? "completed" : "failed"}`);
    rows.push({
      contender: name,
      value: result.failed === 0 ? 1 : 0,
      cells: {
        outcome: result.failed === 0 ? "completed" : "failed",
        requests: String(env.proxy.stats.total),
        "latency ms": fixed(result.latenciesMs[0] ?? 0, 0),
        "error kind": formatCounts(result.errorsByKind),
      },
    });
  }
  return {
    title:
      "6. GetObject whose 1 MiB body dies half way (full Content-Length sent, then the socket closes)",
    target: "bucketguard completes the download; the bare SDK fails",
    columns: ["outcome", "requests", "latency ms", "error kind"],
    metric: "download completed (1 = yes)",
    notes,
    rows,
  };
}
