import { type Contender, createContender } from "./contenders.js";
import { median } from "./measure.js";
import { fixed, type ScenarioEnv, type ScenarioResult } from "./scenario.js";
import { seedObjects } from "./seed-objects.js";

const ROUNDS = 31;
const GETS_PER_ROUND = 100;

async function timeGets(contender: Contender, count: number): Promise<number> {
  const startMs = performance.now();
  for (let i = 0; i < count; i++) await contender.get(`overhead-${i % 10}`);
  return performance.now() - startMs;
}

/** Scenario 1: the plugin's cost on sequential GETs with no faults, straight to s3rver. */
export async function runOverhead(env: ScenarioEnv): Promise<ScenarioResult> {
  await seedObjects(env.directEndpoint, env.bucket, "overhead-", 10, 1024);
  const direct = { ...env, endpoint: env.directEndpoint };
  const bare = createContender("sdk-default", direct);
  const guarded = createContender("bucketguard", direct);
  const contenders = [bare, guarded].filter((c): c is Contender => c !== undefined);
  const perOpUs: Record<string, number[]> = {};
  const ratios: number[] = [];
  try {
    for (const c of contenders) await timeGets(c, 300);
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate the order so neither side always runs on a warmer process.
      const order = round % 2 === 0 ? contenders : [...contenders].reverse();
      const totals: Record<string, number> = {};
      for (const c of order) totals[c.name] = await timeGets(c, GETS_PER_ROUND);
      for (const [name, ms] of Object.entries(totals)) {
        perOpUs[name] = [...(perOpUs[name] ?? []), (ms / GETS_PER_ROUND) * 1000];
      }
      const [a, b] = [totals["sdk-default"], totals.bucketguard];
      if (a !== undefined && b !== undefined) ratios.push(b / a);
      env.log(`overhead round ${round + 1}/${ROUNDS}`);
    }
  } finally {
    for (const c of contenders) c.close();
  }
  const ratio = median(ratios);
  return {
    title: `1. Overhead: ${GETS_PER_ROUND} sequential 1 KiB GETs x ${ROUNDS} interleaved rounds, no faults`,
    target: "bucketguard / bare SDK time ratio <= 1.03 (median of rounds)",
    columns: ["median us/op", "ratio to bare SDK"],
    metric: "median us per GET",
    notes: guarded ? [] : ["bucketguard not loaded: ratio pending"],
    rows: contenders.map((c) => {
      const us = median(perOpUs[c.name] ?? []);
      const cellRatio = c.name === "bucketguard" ? fixed(ratio, 3) : "1.000";
      return {
        contender: c.name,
        value: us,
        cells: { "median us/op": fixed(us, 0), "ratio to bare SDK": cellRatio },
      };
    }),
  };
}
