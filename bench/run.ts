// End-to-end benchmarks: s3rver behind the fault proxy, every client side by side.
// Usage: npm run bench -- [--only=1,2,...] [--clients=sdk-default,bucketguard,...] [--seed=N]
//   [--from=dist|src] [--no-docs]   (npm run bench builds first; --from=src skips the build's need)
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { ALL_CONTENDERS } from "./scenarios/contenders.js";
import { runDeadEndpoint } from "./scenarios/dead-endpoint.js";
import { formatTextTable } from "./scenarios/format-table.js";
import { runIndependentFaults } from "./scenarios/independent-faults.js";
import { type AdapterSource, loadBucketguard, loadGuardBucket } from "./scenarios/load-adapters.js";
import { runOutage } from "./scenarios/outage.js";
import { runOverhead } from "./scenarios/overhead.js";
import { runOverload } from "./scenarios/overload.js";
import { runPluginCpu } from "./scenarios/plugin-cpu.js";
import { runR2SameKey } from "./scenarios/r2-same-key.js";
import { renderChart } from "./scenarios/render-chart.js";
import type { ScenarioEnv, ScenarioResult } from "./scenarios/scenario.js";
import { runTruncatedDownload } from "./scenarios/truncated-download.js";
import { writeBenchmarksSection } from "./scenarios/write-docs.js";
import { startFaultProxy, startS3Server } from "./server/index.js";

const SCENARIOS = [
  runOverhead,
  runIndependentFaults,
  runOverload,
  runOutage,
  runR2SameKey,
  runTruncatedDownload,
  runDeadEndpoint,
  runPluginCpu,
];

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    clients: { type: "string" },
    from: { type: "string", default: "dist" },
    seed: { type: "string", default: "7" },
    "no-docs": { type: "boolean", default: false },
  },
});
const only = values.only?.split(",").map(Number) ?? SCENARIOS.map((_, i) => i + 1);
const seed = Number(values.seed);
const contenders = values.clients
  ? ALL_CONTENDERS.filter((name) => values.clients?.split(",").includes(name))
  : ALL_CONTENDERS;

const isTty = process.stdout.isTTY === true;
const log = (line: string) => {
  if (isTty) process.stdout.write(`\r\x1b[2K${line}`);
};

const bucket = "bench";
const server = await startS3Server({ buckets: [bucket] });
const proxy = await startFaultProxy({ upstream: server.endpoint });
const from: AdapterSource = values.from === "src" ? "src" : "dist";
const [bucketguard, guardBucket] = await Promise.all([
  loadBucketguard(from),
  loadGuardBucket(from),
]);
const env: ScenarioEnv = {
  endpoint: proxy.endpoint,
  directEndpoint: server.endpoint,
  proxy,
  bucket,
  bucketguard,
  guardBucket,
  seed,
  contenders,
  log,
};

const startedMs = performance.now();
const results: ScenarioResult[] = [];
try {
  for (const [i, scenario] of SCENARIOS.entries()) {
    if (!only.includes(i + 1)) continue;
    const result = await scenario(env);
    if (isTty) process.stdout.write("\r\x1b[2K");
    console.log(`${formatTextTable(result)}\n`);
    results.push(result);
  }
} finally {
  await proxy.close();
  await server.close();
}
const elapsedS = (performance.now() - startedMs) / 1000;
console.log(`total ${elapsedS.toFixed(0)} s, Node ${process.version}, seed ${seed}`);

const complete =
  bucketguard.ok &&
  guardBucket.ok &&
  from === "dist" &&
  only.length === SCENARIOS.length &&
  contenders.length === ALL_CONTENDERS.length;
if (values["no-docs"]) {
  console.log("docs not updated (--no-docs)");
} else if (!complete) {
  console.log(
    "docs not updated: bucketguard adapters missing, or a partial run (--only, --clients, --from=src)",
  );
} else {
  const chartPath = new URL("../docs/bench-chart.svg", import.meta.url);
  await writeFile(chartPath, renderChart(results));
  const preamble = `Printed by \`npm run bench\` (seed ${seed}, Node ${process.version}, ${elapsedS.toFixed(0)} s in all, the adapters from the build in \`dist/\`). Each client runs the same workload in turn against s3rver behind the fault proxy (\`bench/server/\`); "requests" are counted by the proxy. sdk-default is \`@aws-sdk/client-s3\` with its standard retry mode, sdk-adaptive is \`retryMode: "adaptive"\`, p-retry wraps a \`maxAttempts: 1\` client with p-retry's defaults, aws4fetch uses its own retries, bucketguard is the client with \`bucketguard()\` on its middleware stack (bucketguard-3: \`bucketguard({ maxAttempts: 3 })\`, the SDK's attempt count), and in scenario 5 \`guardBucket()\` over a fake R2 binding.`;
  await writeBenchmarksSection(
    new URL("../docs/benchmarks.md", import.meta.url).pathname,
    results,
    preamble,
  );
  console.log("wrote docs/bench-chart.svg and docs/benchmarks.md");
}
