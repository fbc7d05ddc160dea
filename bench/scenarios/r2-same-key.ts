import { normalize } from "../../src/index.js";
import { createFakeR2Bucket } from "./fake-r2-bucket.js";
import { formatCounts, percentile } from "./measure.js";
import { fixed, type ScenarioEnv, type ScenarioResult, type ScenarioRow } from "./scenario.js";

const WRITERS = 20;

async function runWriters(
  bucket: R2BucketLike,
): Promise<{ failed: Record<string, number>; latenciesMs: number[]; elapsedMs: number }> {
  const failed: Record<string, number> = {};
  const latenciesMs: number[] = [];
  const startMs = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, i) => {
      const opStartMs = performance.now();
      try {
        await bucket.put("hot-key", `writer ${i}`);
      } catch (error) {
        const kind = normalize(error, { provider: "r2", operation: "put" }).kind;
        failed[kind] = (failed[kind] ?? 0) + 1;
      }
      latenciesMs.push(performance.now() - opStartMs);
    }),
  );
  return { failed, latenciesMs, elapsedMs: performance.now() - startMs };
}

interface R2BucketLike {
  put(key: string, value: string): Promise<unknown>;
}

/** Scenario 5: 20 concurrent writers to one R2 key, which takes 1 write per second. */
export async function runR2SameKey(env: ScenarioEnv): Promise<ScenarioResult> {
  const rows: ScenarioRow[] = [];
  const notes: string[] = [];
  const columns = [
    ["r2-binding", undefined],
    ["bucketguard", env.guardBucket],
  ] as const;
  for (const [name, guard] of columns) {
    if (guard && !guard.ok) {
      notes.push(`bucketguard (guardBucket) not loaded: ${guard.reason}`);
      continue;
    }
    const fake = createFakeR2Bucket();
    const bucket = guard?.ok ? guard.value(fake.bucket) : fake.bucket;
    env.log(`r2 same key ${name}: ${WRITERS} writers`);
    const { failed, latenciesMs, elapsedMs } = await runWriters(bucket);
    const failures = Object.values(failed).reduce((a, b) => a + b, 0);
    rows.push({
      contender: name,
      value: WRITERS - failures,
      cells: {
        "writes landed": `${WRITERS - failures}/${WRITERS}`,
        "errors surfaced": formatCounts(failed),
        "puts sent": String(fake.stats.puts),
        "completion s": fixed(elapsedMs / 1000, 1),
        "p50 s": fixed(percentile(latenciesMs, 0.5) / 1000, 1),
      },
    });
  }
  return {
    title: `5. R2 same-key writes: ${WRITERS} concurrent puts to one key, 1 write/s/key (10058 beyond), real clock`,
    target: "no error surfaced, completion within 10% of 20 s",
    columns: ["writes landed", "errors surfaced", "puts sent", "completion s", "p50 s"],
    metric: `writes landed of ${WRITERS}`,
    notes,
    rows,
  };
}
