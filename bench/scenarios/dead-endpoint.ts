import { type Contender, type ContenderName, createContender } from "./contenders.js";
import { fixed, type ScenarioEnv, type ScenarioResult, type ScenarioRow } from "./scenario.js";
import { seedObjects } from "./seed-objects.js";

const CALLS = 300;
// Clients that cannot settle 300 calls against a dead server in minutes stop here.
const SEQUENCE_CAP_MS = 120_000;
const RECOVERY_CAP_MS = 30_000;
const KEY = "dead-0";
// A single call of these takes minutes against a dead server (p-retry: 10 retries from 1 s
// doubling; aws4fetch: 10 retries from 50 ms doubling), so they are left out of this row.
const RUNS: readonly ContenderName[] = [
  "sdk-default",
  "sdk-adaptive",
  "bucketguard",
  "bucketguard-3",
];
const DEAD = { outage: { fromMs: 0, toMs: Number.POSITIVE_INFINITY } } as const;

interface Phase {
  ms: number;
  requests: number;
  calls: number;
}

/**
 * Scenario 7: every request answers 503 ServiceUnavailable. One call on a fresh client; then 300
 * sequential calls on another fresh client; then the server comes back and that client calls
 * every 10 ms until one succeeds.
 */
export async function runDeadEndpoint(env: ScenarioEnv): Promise<ScenarioResult> {
  await seedObjects(env.directEndpoint, env.bucket, "dead-", 1, 1024);
  const rows: ScenarioRow[] = [];
  const notes = env.contenders
    .filter((name) => !RUNS.includes(name))
    .map((name) => `${name} left out: one call against a dead server takes minutes`);
  for (const name of env.contenders.filter((n) => RUNS.includes(n))) {
    const single = createContender(name, env);
    const sequential = createContender(name, env);
    if (!single || !sequential) {
      notes.push(`${name} not loaded`);
      continue;
    }
    env.log(`dead endpoint ${name}: one call`);
    const one = await measure(env, () => callsUntil(single, 1, Number.POSITIVE_INFINITY));
    env.log(`dead endpoint ${name}: ${CALLS} calls`);
    const many = await measure(env, () => callsUntil(sequential, CALLS, SEQUENCE_CAP_MS));
    env.log(`dead endpoint ${name}: recovery`);
    const recovery = await measureRecovery(env, sequential);
    single.close();
    sequential.close();
    rows.push({
      contender: name,
      value: many.ms / 1000,
      cells: {
        "1 call: requests": String(one.requests),
        "1 call: s": fixed(one.ms / 1000, 1),
        [`${CALLS} calls: s`]: `${fixed(many.ms / 1000, 1)}${many.calls < CALLS ? ` (${many.calls} done)` : ""}`,
        [`${CALLS} calls: requests`]: String(many.requests),
        "first success after recovery: s":
          recovery === undefined ? "none" : fixed(recovery / 1000, 2),
      },
    });
  }
  env.proxy.setFaults({});
  return {
    title: `7. Dead endpoint: every request answers 503, one call, then ${CALLS} sequential calls on one client, then the server comes back`,
    target: `one call <= maxAttempts requests within 15 s; ${CALLS} calls within 60 s and <= 450 requests; a success within 5 s of the recovery`,
    columns: [
      "1 call: requests",
      "1 call: s",
      `${CALLS} calls: s`,
      `${CALLS} calls: requests`,
      "first success after recovery: s",
    ],
    metric: `seconds for ${CALLS} sequential calls`,
    notes,
    rows,
  };
}

async function measure(env: ScenarioEnv, run: () => Promise<number>): Promise<Phase> {
  env.proxy.setFaults(DEAD);
  env.proxy.stats.reset();
  const startMs = performance.now();
  const calls = await run();
  return { ms: performance.now() - startMs, requests: env.proxy.stats.total, calls };
}

/** Makes up to `count` sequential calls (each expected to fail) until `capMs`; returns how many. */
async function callsUntil(contender: Contender, count: number, capMs: number): Promise<number> {
  const endMs = performance.now() + capMs;
  let done = 0;
  while (done < count && performance.now() < endMs) {
    await contender.get(KEY).catch(() => undefined);
    done++;
  }
  return done;
}

/** Clears the faults, then calls every 10 ms; milliseconds until the first success. */
async function measureRecovery(
  env: ScenarioEnv,
  contender: Contender,
): Promise<number | undefined> {
  env.proxy.setFaults({});
  const startMs = performance.now();
  while (performance.now() - startMs < RECOVERY_CAP_MS) {
    const ok = await contender.get(KEY).then(
      () => true,
      () => false,
    );
    if (ok) return performance.now() - startMs;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return undefined;
}
