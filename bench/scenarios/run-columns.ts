import type { FaultPlan } from "../server/index.js";
import { type ContenderName, createContender } from "./contenders.js";
import { type RunResult, type RunWorkersOptions, runWorkers } from "./measure.js";
import type { ScenarioEnv } from "./scenario.js";

/** One contender's run through the proxy. */
export interface ColumnRun {
  contender: ContenderName;
  result: RunResult;
  /** Requests the proxy received. */
  requests: number;
  /** Proxy counts per fault label. */
  byFault: Record<string, number>;
}

/**
 * Runs each contender in turn through the proxy: a fresh fault plan (so the seeded sequence
 * restarts), zeroed stats, then `runWorkers`. Contenders that cannot run are listed in `skipped`.
 */
export async function runColumns(
  env: ScenarioEnv,
  label: string,
  plan: () => FaultPlan,
  options: RunWorkersOptions,
  keyFor: (i: number) => string,
): Promise<{ runs: ColumnRun[]; skipped: string[] }> {
  const runs: ColumnRun[] = [];
  const skipped: string[] = [];
  for (const name of env.contenders) {
    const contender = createContender(name, env);
    if (!contender) {
      skipped.push(`${name} not loaded${env.bucketguard.ok ? "" : `: ${env.bucketguard.reason}`}`);
      continue;
    }
    env.proxy.setFaults(plan());
    env.proxy.stats.reset();
    let lastLogMs = 0;
    const result = await runWorkers(
      {
        ...options,
        onSettled(partial) {
          const now = performance.now();
          if (now - lastLogMs < 250) return;
          lastLogMs = now;
          env.log(`${label} ${name}: ${partial.operations} ops, ${partial.failed} failed`);
        },
      },
      (i) => contender.get(keyFor(i)),
    );
    contender.close();
    env.proxy.setFaults({});
    runs.push({
      contender: name,
      result,
      requests: env.proxy.stats.total,
      byFault: { ...env.proxy.stats.byFault },
    });
  }
  return { runs, skipped };
}
