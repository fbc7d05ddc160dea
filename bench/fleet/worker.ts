// One process of the fleet benchmark: W workers looping GETs through the AWS SDK plugin, with
// either the client's own budget or the Redis-shared one. Prints one JSON line when done.
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { Redis } from "ioredis";
import { bucketguard } from "../../src/adapters/aws-sdk/index.js";
import { createRetryBudget, isStorageError, type RetryBudget } from "../../src/index.js";
import { createRedisBudget, type RedisBudget } from "../../src/redis/index.js";
import { createS3Client } from "../scenarios/s3-clients.js";

const { ENDPOINT, BUCKET, MODE, REDIS_URL, KEY, WORKERS, DURATION_MS } = process.env;
const workers = Number(WORKERS ?? 8);

const redis = MODE === "shared" ? new Redis(REDIS_URL ?? "") : undefined;
redis?.on("error", () => undefined);
let fallbacks = 0;
const budget: RetryBudget | RedisBudget =
  redis && KEY
    ? createRedisBudget({ redis, key: KEY, onEvent: (e) => e.type === "fallback" && fallbacks++ })
    : createRetryBudget();
const client = createS3Client({
  endpoint: ENDPOINT ?? "",
  mode: "bucketguard",
  bucketguard: (options) => bucketguard(options),
  bucketguardOptions: { budget },
});

const latenciesMs: number[] = [];
const errors: Record<string, number> = {};
let operations = 0;
let failed = 0;

// Every process loads first (the SDK takes seconds on a busy machine); the parent then starts
// them together by writing a line to each one's standard input.
console.log("ready");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
process.stdin.pause();
const endAtMs = Date.now() + Number(DURATION_MS ?? 10_000);
await Promise.all(
  Array.from({ length: workers }, async (_, w) => {
    while (Date.now() < endAtMs) {
      const t0 = performance.now();
      try {
        const out = await client.send(
          new GetObjectCommand({ Bucket: BUCKET, Key: `fleet-${w % 4}` }),
        );
        await out.Body?.transformToByteArray();
        latenciesMs.push(performance.now() - t0);
      } catch (error) {
        failed++;
        const kind = isStorageError(error) ? `${error.kind}/${error.gaveUp ?? "-"}` : "other";
        errors[kind] = (errors[kind] ?? 0) + 1;
        // A failed call is retried by the application after a pause, as real callers do.
        await new Promise((r) => setTimeout(r, 100));
      }
      operations++;
    }
  }),
);
latenciesMs.sort((a, b) => a - b);
const p50 = latenciesMs[Math.floor(latenciesMs.length / 2)] ?? 0;
if (MODE === "shared") await (budget as RedisBudget).close();
redis?.disconnect();
client.destroy();
console.log(JSON.stringify({ operations, failed, p50, errors, fallbacks }));
