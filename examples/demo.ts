// The bucketguard demo: one realistic S3 workload, three clients, one flaky server.
// Usage: npm run demo -- [--dialect=aws|r2|supabase-s3|ibm|yandex] [--fault-rate=0.15]
//                        [--duration=5] [--seed=1] [--concurrency=8]
import { parseArgs } from "node:util";
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import {
  describeFailure,
  type FailureDetail,
  formatFailure,
} from "../bench/scenarios/describe-failure.js";
import {
  formatCounts,
  percentile,
  type RunResult,
  runWorkers,
} from "../bench/scenarios/measure.js";
import { type ClientMode, createS3Client } from "../bench/scenarios/s3-clients.js";
import {
  createPrng,
  DIALECTS,
  type Dialect,
  type FaultPlan,
  startFaultProxy,
  startS3Server,
} from "../bench/server/index.js";
import { bucketguard } from "../src/adapters/aws-sdk/index.js";

const { values } = parseArgs({
  options: {
    dialect: { type: "string", default: "aws" },
    "fault-rate": { type: "string", default: "0.15" },
    duration: { type: "string", default: "5" },
    seed: { type: "string", default: "1" },
    concurrency: { type: "string", default: "8" },
  },
});
const dialect = values.dialect as Dialect;
if (!DIALECTS.includes(dialect)) throw new Error(`--dialect must be one of ${DIALECTS.join(", ")}`);
const faultRate = Number(values["fault-rate"]);
const durationMs = Number(values.duration) * 1000;
const seed = Number(values.seed);
const concurrency = Number(values.concurrency);
for (const [name, value] of Object.entries({ faultRate, durationMs, seed, concurrency })) {
  if (!Number.isFinite(value) || value < 0) throw new Error(`bad value for ${name}: ${value}`);
}

/** A share of `faultRate` per fault: failures of every retryable kind, a few damaged transfers. */
function faultPlan(): FaultPlan {
  const share = (part: number) => faultRate * part;
  return {
    random: {
      seed,
      faults: [
        { fault: { type: "error", error: "internal" }, rate: share(0.25) },
        { fault: { type: "error", error: "slow-down" }, rate: share(0.25) },
        { fault: { type: "error", error: "unavailable" }, rate: share(0.1) },
        { fault: { type: "reset" }, rate: share(0.25) },
        { fault: { type: "truncate" }, rate: share(0.1) },
        { fault: { type: "complete-200-error" }, rate: share(0.05) },
      ],
    },
  };
}

const BUCKET = "demo";
const SMALL = new Uint8Array(4096).fill(120);
const LARGE = new Uint8Array(6 * 1024 * 1024).fill(121);

/** One operation of the workload, chosen by `i` and a seeded draw: its name and how to run it. */
function chooseOperation(client: S3Client, prefix: string, i: number, draw: number) {
  const key = `${prefix}/small-${i % 20}`;
  if (i % 40 === 39) {
    const params = { Bucket: BUCKET, Key: `${prefix}/large-${i}`, Body: LARGE };
    const run = () =>
      new Upload({ client, params, partSize: 5 * 1024 * 1024, queueSize: 2 }).done();
    return { name: `Upload ${params.Key}`, run };
  }
  if (draw < 0.4) {
    const run = async () => {
      const res = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
      return res.Body?.transformToByteArray();
    };
    return { name: `GetObject ${key}`, run };
  }
  if (draw < 0.6) {
    const run = () => client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: SMALL }));
    return { name: `PutObject ${key}`, run };
  }
  if (draw < 0.7) {
    const run = () => client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
    return { name: `ListObjectsV2 ${prefix}/`, run };
  }
  if (draw < 0.8) {
    const run = () => client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    return { name: `HeadObject ${key}`, run };
  }
  // A create-only write of a fresh key: must succeed exactly once, even when retried.
  const fresh = `${prefix}/once-${i}`;
  const put = new PutObjectCommand({ Bucket: BUCKET, Key: fresh, Body: SMALL, IfNoneMatch: "*" });
  return { name: `PutObject ${fresh} (If-None-Match: *)`, run: () => client.send(put) };
}

const isTty = process.stdout.isTTY === true;
const server = await startS3Server({ buckets: [BUCKET] });
const proxy = await startFaultProxy({ upstream: server.endpoint, dialect });
const modes: ClientMode[] = ["sdk-default", "sdk-adaptive", "bucketguard"];
const results: {
  mode: ClientMode;
  result: RunResult;
  requests: number;
  failures: FailureDetail[];
}[] = [];

console.log(
  `s3rver behind the fault proxy (dialect ${dialect}): ${faultRate * 100}% of requests fail, seed ${seed}, ` +
    `${concurrency} workers, ${durationMs / 1000} s per client`,
);
try {
  for (const mode of modes) {
    // Seed the small objects without faults, then count only the workload's requests.
    const client = createS3Client({ endpoint: proxy.endpoint, mode, bucketguard });
    proxy.setFaults({});
    for (let k = 0; k < 20; k++) {
      await client.send(
        new PutObjectCommand({ Bucket: BUCKET, Key: `${mode}/small-${k}`, Body: SMALL }),
      );
    }
    proxy.setFaults(faultPlan());
    proxy.stats.reset();
    const draws = createPrng(seed);
    const failures: FailureDetail[] = [];
    let lastPrintMs = 0;
    const result = await runWorkers(
      {
        concurrency,
        durationMs,
        onSettled(partial) {
          const now = performance.now();
          if (now - lastPrintMs < (isTty ? 100 : 1000)) return;
          lastPrintMs = now;
          const line = `${mode}: ${partial.operations} operations, ${partial.failed} failed, ${proxy.stats.total} requests`;
          if (isTty) process.stdout.write(`\r\x1b[2K${line}`);
          else console.log(line);
        },
      },
      async (i) => {
        const operation = chooseOperation(client, mode, i, draws());
        try {
          return await operation.run();
        } catch (error) {
          failures.push(describeFailure(operation.name, error));
          throw error;
        }
      },
    );
    if (isTty) process.stdout.write("\r\x1b[2K");
    client.destroy();
    results.push({ mode, result, requests: proxy.stats.total, failures });
    console.log(`${mode}: done`);
  }
} finally {
  await proxy.close();
  await server.close();
}

// One column per client, one row per figure.
const rows: [string, (r: (typeof results)[number]) => string][] = [
  ["operations", (r) => String(r.result.operations)],
  [
    "success rate %",
    (r) => ((r.result.succeeded / Math.max(1, r.result.operations)) * 100).toFixed(2),
  ],
  ["requests sent", (r) => String(r.requests)],
  ["amplification", (r) => (r.requests / Math.max(1, r.result.operations)).toFixed(2)],
  ["p50 ms", (r) => percentile(r.result.latenciesMs, 0.5).toFixed(1)],
  ["p99 ms", (r) => percentile(r.result.latenciesMs, 0.99).toFixed(1)],
];
const table = [
  ["", ...results.map((r) => r.mode)],
  ...rows.map(([label, cell]) => [label, ...results.map(cell)]),
];
const widths =
  table[0]?.map((_, col) => Math.max(...table.map((row) => (row[col] ?? "").length))) ?? [];
console.log("");
for (const row of table) {
  console.log(
    row
      .map((cell, col) => cell.padEnd(widths[col] ?? 0))
      .join("  ")
      .trimEnd(),
  );
}
console.log("\nerrors by kind (normalized with bucketguard's normalize())");
for (const { mode, result } of results)
  console.log(`  ${mode.padEnd(12)}  ${formatCounts(result.errorsByKind)}`);

// Which operations failed and why: for bucketguard, the reason it stopped (`gaveUp`: the attempt
// limit, the retry budget, the deadline or the policy) and each attempt's error.
const failed = results.filter((r) => r.failures.length > 0);
if (failed.length > 0) console.log("\nfailed operations");
for (const { mode, failures } of failed) {
  for (const failure of failures.slice(0, 10))
    console.log(`  ${mode.padEnd(12)}  ${formatFailure(failure)}`);
  if (failures.length > 10)
    console.log(`  ${mode.padEnd(12)}  ... and ${failures.length - 10} more`);
}
