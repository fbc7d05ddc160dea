// Retry simulation: `npx tsx bench/retry/run.ts`. Virtual clock, seeded PRNG: deterministic.
import {
  createRetryBudget,
  type JitterMode,
  type RetryPolicyOverrides,
} from "../../src/retry/index.js";
import { independentFaults, outage, overloaded, type Pauses, rateCapped } from "./models.js";
import { type Scenario, type SimulationResult, simulate } from "./simulate.js";

const JITTERS: readonly JitterMode[] = ["none", "full", "equal", "decorrelated"];

interface Row {
  model: string;
  config: string;
  result: SimulationResult;
}

const withJitter = (
  jitter: JitterMode,
  extra: RetryPolicyOverrides = {},
): RetryPolicyOverrides => ({
  ...extra,
  classes: {
    ...extra.classes,
    transient: { ...extra.classes?.transient, jitter },
    throttling: { ...extra.classes?.throttling, jitter },
  },
});

async function row(model: string, config: string, scenario: Scenario): Promise<Row> {
  return { model, config, result: await simulate(scenario) };
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const faults = { model: () => independentFaults(0.2), clients: 50, opsPerClient: 20 };
  for (const jitter of JITTERS) {
    for (const budgeted of [false, true]) {
      const budget = budgeted ? () => createRetryBudget() : undefined;
      const config = `${jitter} jitter, ${budgeted ? "budget" : "no budget"}`;
      rows.push(
        await row("20% faults", config, {
          ...faults,
          retry: { policy: withJitter(jitter) },
          budget,
        }),
      );
    }
  }

  const down = { model: () => outage(1000, 3000), clients: 8, untilMs: 6000, thinkMs: 10 } as const;
  const patient: RetryPolicyOverrides = {
    maxAttempts: 10,
    classes: { transient: { maxAttempts: 10 } },
  };
  for (const [config, policy] of [
    ["default policy", {}],
    ["10 attempts, 10 s deadline", patient],
  ] as const) {
    for (const budgeted of [false, true]) {
      const budget = budgeted ? () => createRetryBudget() : undefined;
      const scenario = {
        ...down,
        retry: { policy, deadlineMs: 10_000 },
        budget,
        windowMs: [1000, 4000] as const,
      };
      rows.push(
        await row("3 s outage", `${config}, ${budgeted ? "budget" : "no budget"}`, scenario),
      );
    }
  }

  const crowd = { model: () => overloaded(10), clients: 100, opsPerClient: 5 };
  const persistent: RetryPolicyOverrides = {
    maxAttempts: 10,
    classes: { throttling: { maxAttempts: 10 } },
  };
  for (const jitter of JITTERS) {
    rows.push(
      await row("overloaded", `${jitter} jitter, 10 attempts`, {
        ...crowd,
        retry: { policy: withJitter(jitter, persistent) },
      }),
    );
  }
  rows.push(await row("overloaded", "full jitter, default policy", { ...crowd, retry: {} }));
  rows.push(
    await row("overloaded", "full jitter, default policy, budget", {
      ...crowd,
      retry: {},
      budget: () => createRetryBudget(),
    }),
  );
  print(rows);
  await printSeedSweep(crowd, persistent);
  await printRateCapped();
}

/**
 * Scenario 3 of `npm run bench` on the virtual clock: 32 workers loop GETs for 5 s against a
 * server serving 150 requests/s, with the AWS adapter's 6 attempts; with and without pauses of
 * the process (250 ms every second), over five seeds.
 */
async function printRateCapped(): Promise<void> {
  const capacity = 150;
  const untilMs = 5000;
  const seeds = [1, 2, 3, 4, 5];
  const pauses: Pauses = { everyMs: 1000, forMs: 250 };
  console.log(
    `\n| rate-capped ${capacity}/s, 32 workers, 5 s, 6 attempts, seeds 1-5 | goodput % of capacity (min-max) | requests per success (max) | failed |`,
  );
  console.log("| --- | --- | --- | --- |");
  for (const paused of [false, true]) {
    for (const budgeted of [false, true]) {
      const results: SimulationResult[] = [];
      for (const seed of seeds) {
        results.push(
          await simulate({
            model: () => rateCapped(capacity, paused ? pauses : undefined),
            clients: 32,
            untilMs,
            succeededByMs: untilMs,
            retry: { maxAttempts: 6 },
            budget: budgeted ? () => createRetryBudget() : undefined,
            seed,
          }),
        );
      }
      const goodputs = results.map((r) => (100 * r.succeededBy) / ((untilMs / 1000) * capacity));
      const perSuccess = Math.max(...results.map((r) => r.calls / Math.max(1, r.succeeded)));
      const failed = results.reduce((sum, r) => sum + r.operations - r.succeeded, 0);
      const config = `${budgeted ? "budget" : "no budget"}${paused ? ", 250 ms pause every 1 s" : ""}`;
      const range = `${Math.min(...goodputs).toFixed(1)}-${Math.max(...goodputs).toFixed(1)}`;
      console.log(`| ${config} | ${range} | ${perSuccess.toFixed(2)} | ${failed} |`);
    }
  }
}

/** The jitter comparison under overload again, over five seeds: mean calls and completion. */
async function printSeedSweep(
  crowd: Omit<Scenario, "retry">,
  persistent: RetryPolicyOverrides,
): Promise<void> {
  const seeds = [1, 2, 3, 4, 5];
  console.log(
    "\n| overloaded, 10 attempts, seeds 1-5 | mean calls | mean completion ms | completion ms range |",
  );
  console.log("| --- | --- | --- | --- |");
  for (const jitter of JITTERS) {
    const results: SimulationResult[] = [];
    for (const seed of seeds) {
      results.push(
        await simulate({ ...crowd, seed, retry: { policy: withJitter(jitter, persistent) } }),
      );
    }
    const mean = (pick: (r: SimulationResult) => number) =>
      Math.round(results.reduce((sum, r) => sum + pick(r), 0) / results.length);
    const times = results.map((r) => Math.round(r.completionMs));
    const range = `${Math.min(...times)}-${Math.max(...times)}`;
    console.log(
      `| ${jitter} jitter | ${mean((r) => r.calls)} | ${mean((r) => r.completionMs)} | ${range} |`,
    );
  }
}

function print(rows: readonly Row[]): void {
  const header = [
    "model",
    "config",
    "ops",
    "calls",
    "calls/op",
    "retry share",
    "success",
    "completion ms",
    "calls in outage",
    "recovery ms",
    "gave up",
  ];
  const lines = rows.map(({ model, config, result: r }) => [
    model,
    config,
    String(r.operations),
    String(r.calls),
    (r.calls / r.operations).toFixed(2),
    `${((100 * (r.calls - r.operations)) / r.calls).toFixed(1)}%`,
    `${((100 * r.succeeded) / r.operations).toFixed(1)}%`,
    String(Math.round(r.completionMs)),
    model === "3 s outage" ? String(r.callsInWindow) : "",
    r.recoveryMs === undefined ? "" : String(Math.round(r.recoveryMs)),
    Object.entries(r.gaveUp)
      .map(([reason, count]) => `${reason} ${count}`)
      .join(", "),
  ]);
  console.log(`| ${header.join(" | ")} |`);
  console.log(`|${header.map(() => " --- ").join("|")}|`);
  for (const line of lines) console.log(`| ${line.join(" | ")} |`);
}

await main();
