import type { StorageError } from "../../src/errors/storage-error.js";
import { type RetryBudget, type RetryOptions, withRetry } from "../../src/retry/index.js";
import { createPrng } from "../shared/prng.js";
import type { FailureModel } from "./models.js";
import { createVirtualClock } from "./virtual-clock.js";

/** One run: `clients` loops sharing one budget (one SDK client), against one failure model. */
export interface Scenario {
  model: () => FailureModel;
  clients: number;
  /** Operations per client; or loop until `untilMs` of virtual time. */
  opsPerClient?: number;
  untilMs?: number;
  /** Pause between a client's operations, in ms. Default 0. */
  thinkMs?: number;
  retry: Omit<RetryOptions<void>, "clock" | "random" | "budget">;
  budget?: () => RetryBudget;
  /** Operations that succeed by this time are counted apart (goodput), in ms. */
  succeededByMs?: number;
  /** Requests sent inside this window [startMs, endMs) are counted apart (the outage). */
  windowMs?: readonly [number, number];
  seed?: number;
}

/** What a run measured. */
export interface SimulationResult {
  calls: number;
  operations: number;
  succeeded: number;
  /** Operations that succeeded by `succeededByMs`. */
  succeededBy: number;
  /** Virtual time when the last operation settled, in ms. */
  completionMs: number;
  callsInWindow: number;
  /** From the window's end to the first success after it, in ms. */
  recoveryMs: number | undefined;
  /** Failed operations by `gaveUp` reason. */
  gaveUp: Record<string, number>;
}

/** Runs a scenario on a virtual clock with a seeded PRNG: the same inputs print the same figures. */
export async function simulate(scenario: Scenario): Promise<SimulationResult> {
  const clock = createVirtualClock();
  const random = createPrng(scenario.seed ?? 42);
  const model = scenario.model();
  const budget = scenario.budget?.();
  const [windowStartMs, windowEndMs] = scenario.windowMs ?? [0, 0];
  let calls = 0;
  let callsInWindow = 0;
  let operations = 0;
  let succeeded = 0;
  let succeededBy = 0;
  let completionMs = 0;
  let recoveryMs: number | undefined;
  const gaveUp: Record<string, number> = {};

  const request = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const nowMs = clock.now();
      calls++;
      if (nowMs >= windowStartMs && nowMs < windowEndMs) callsInWindow++;
      const answer = model.arrive(nowMs, random);
      clock.setTimer(() => {
        if (answer.error) return reject(answer.error);
        model.release?.();
        if (recoveryMs === undefined && windowEndMs > 0 && clock.now() >= windowEndMs) {
          recoveryMs = clock.now() - windowEndMs;
        }
        resolve();
      }, answer.latencyMs);
    });
  const pause = (ms: number) => new Promise<void>((resolve) => clock.setTimer(resolve, ms));
  const more = (done: number) =>
    scenario.opsPerClient !== undefined
      ? done < scenario.opsPerClient
      : clock.now() < (scenario.untilMs ?? 0);

  const client = async (): Promise<void> => {
    for (let done = 0; more(done); done++) {
      operations++;
      try {
        await withRetry(request, { ...scenario.retry, clock, random, budget });
        succeeded++;
        if (clock.now() <= (scenario.succeededByMs ?? Number.POSITIVE_INFINITY)) succeededBy++;
      } catch (error) {
        const reason = (error as StorageError).gaveUp ?? "unknown";
        gaveUp[reason] = (gaveUp[reason] ?? 0) + 1;
      }
      completionMs = Math.max(completionMs, clock.now());
      if (scenario.thinkMs) await pause(scenario.thinkMs);
    }
  };
  const clients = Array.from({ length: scenario.clients }, client);
  await clock.runUntilIdle();
  await Promise.all(clients);
  return {
    calls,
    operations,
    succeeded,
    succeededBy,
    completionMs,
    callsInWindow,
    recoveryMs,
    gaveUp,
  };
}
