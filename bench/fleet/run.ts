// Fleet benchmark: 4 Node processes x 8 workers looping GETs through the AWS SDK plugin against
// s3rver behind the fault proxy, each process with its own budget ("separate") or all sharing
// one through a real redis-server ("shared").
//   npm run bench:fleet [-- --processes=4 --workers=8 --outage-s=30 --faults-s=10]
import { execFileSync, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { createS3Client } from "../scenarios/s3-clients.js";
import { type FaultPlan, startFaultProxy, startS3Server } from "../server/index.js";
import { type RedisServer, redisServerMissing, startRedisServer } from "../shared/redis-server.js";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v = ""] = a.replace(/^--/, "").split("=");
    return [k, v] as const;
  }),
);
const PROCESSES = Number(args.get("processes") ?? 4);
const WORKERS = Number(args.get("workers") ?? 8);
const OUTAGE_S = Number(args.get("outage-s") ?? 30);
const FAULTS_S = Number(args.get("faults-s") ?? 10);
const BUCKET = "fleet";
const WORKER = fileURLToPath(new URL("./worker.ts", import.meta.url));
const TSX = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));

interface ProcessResult {
  operations: number;
  failed: number;
  p50: number;
  errors: Record<string, number>;
  fallbacks: number;
}

interface FleetRun {
  operations: number;
  failed: number;
  p50: number;
  requests: number;
  outageRequests: number;
  errors: Record<string, number>;
  fallbacks: number;
}

const missing = redisServerMissing();
if (missing) {
  console.error(`fleet benchmark needs redis-server: ${missing}`);
  process.exit(1);
}

const s3 = await startS3Server({ buckets: [BUCKET] });
const proxy = await startFaultProxy({ upstream: s3.endpoint });
const redis = await startRedisServer();
const seed = createS3Client({ endpoint: s3.endpoint, mode: "sdk-default" });
for (let i = 0; i < 4; i++) {
  await seed.send(
    new PutObjectCommand({ Bucket: BUCKET, Key: `fleet-${i}`, Body: "x".repeat(1024) }),
  );
}
seed.destroy();

let runSeq = 0;
async function runFleet(
  mode: "separate" | "shared",
  durationMs: number,
  plan: () => FaultPlan,
  during?: (server: RedisServer) => Promise<void>,
): Promise<FleetRun> {
  const key = `bench:fleet:${++runSeq}`;
  const children = Array.from({ length: PROCESSES }, () => {
    const child = spawn(TSX, [WORKER], {
      env: {
        ...process.env,
        ENDPOINT: proxy.endpoint,
        BUCKET,
        MODE: mode,
        REDIS_URL: redis.url,
        KEY: key,
        WORKERS: String(WORKERS),
        DURATION_MS: String(durationMs),
      },
      stdio: ["pipe", "pipe", "ignore"],
    });
    let out = "";
    const ready = new Promise<void>((resolve) => {
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("ready\n")) resolve();
      });
    });
    const done = new Promise<ProcessResult>((resolve, reject) => {
      child.on("exit", (code) => {
        const line = out.trim().split("\n").pop() ?? "";
        if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as ProcessResult);
        else reject(new Error(`fleet process exited ${code}: ${out}`));
      });
    });
    return { child, ready, done };
  });
  await Promise.all(children.map((c) => c.ready));
  proxy.stats.reset();
  proxy.setFaults(plan());
  for (const { child } of children) child.stdin.end("go\n");
  const side = during?.(redis);
  const results = await Promise.all(children.map((c) => c.done));
  await side;
  proxy.setFaults({});
  const latencies = results.map((r) => r.p50).sort((a, b) => a - b);
  const errors: Record<string, number> = {};
  for (const r of results) {
    for (const [k, v] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + v;
  }
  return {
    operations: results.reduce((s, r) => s + r.operations, 0),
    failed: results.reduce((s, r) => s + r.failed, 0),
    p50: latencies[Math.floor(latencies.length / 2)] ?? 0,
    requests: proxy.stats.total,
    outageRequests: proxy.stats.byFault.outage ?? 0,
    errors,
    fallbacks: results.reduce((s, r) => s + r.fallbacks, 0),
  };
}

const outagePlan = (): FaultPlan => ({ outage: { fromMs: 5000, toMs: 5000 + OUTAGE_S * 1000 } });
const faultPlan = (): FaultPlan => ({
  random: { seed: 7, faults: [{ fault: { type: "error", error: "unavailable" }, rate: 0.2 }] },
});
const outageMs = OUTAGE_S * 1000 + 10_000;
const faultsMs = FAULTS_S * 1000;

const rows: [string, string, FleetRun][] = [];
try {
  console.error(`fleet: ${PROCESSES} processes x ${WORKERS} workers`);
  for (const mode of ["separate", "shared"] as const) {
    console.error(`(a) ${OUTAGE_S} s outage, ${mode} budgets...`);
    rows.push([`(a) ${OUTAGE_S} s outage`, mode, await runFleet(mode, outageMs, outagePlan)]);
  }
  for (const mode of ["separate", "shared"] as const) {
    console.error(`(b) 20% transient faults, ${mode} budgets...`);
    rows.push(["(b) 20% 503s", mode, await runFleet(mode, faultsMs, faultPlan)]);
  }
  console.error("(c) 20% transient faults, redis-server killed at mid-run...");
  rows.push([
    "(c) 20% 503s, Redis killed mid-run",
    "shared",
    await runFleet("shared", faultsMs, faultPlan, async (server) => {
      await new Promise((r) => setTimeout(r, faultsMs / 2));
      await server.kill();
    }),
  ]);
} finally {
  await redis.stop();
  await proxy.close();
  await s3.close();
}

const node = process.version;
const cpu = execFileSync("nproc").toString().trim();
console.log(`\nFleet: ${PROCESSES} processes x ${WORKERS} workers, Node ${node}, ${cpu} cores\n`);
console.log(
  "| scenario | budgets | operations | failed | requests | requests in outage | p50 ms | fallbacks | errors |",
);
console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
for (const [scenario, mode, r] of rows) {
  const errors = Object.entries(r.errors)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  console.log(
    `| ${scenario} | ${mode} | ${r.operations} | ${r.failed} | ${r.requests} | ${r.outageRequests} | ${r.p50.toFixed(2)} | ${r.fallbacks} | ${errors || "none"} |`,
  );
}
