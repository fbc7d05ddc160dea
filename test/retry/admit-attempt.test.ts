import { describe, expect, it } from "vitest";
import { normalize } from "../../src/errors/normalize.js";
import {
  admitAttempt,
  checkCanAttempt,
  checkDeadline,
  pace,
  passGate,
  probeYieldMs,
} from "../../src/retry/admit-attempt.js";
import { createManualClock } from "../../src/retry/manual-clock.js";
import type {
  Admission,
  BudgetOutcome,
  RetryBudget,
} from "../../src/retry/retry-budget-contract.js";
import { createRunState } from "../../src/retry/run-state.js";
import type { RetryOptions } from "../../src/retry/types.js";
import { failure } from "./helpers.js";

/** A budget that answers the scripted admissions in turn, then `send`; it records outcomes. */
function scriptedBudget(admissions: Admission[], reserveMs = 0) {
  const outcomes: BudgetOutcome[] = [];
  const budget: RetryBudget = {
    admit: () => admissions.shift() ?? { verdict: "send", probe: false },
    record: (outcome) => outcomes.push(outcome),
    tryAcquire: () => true,
    reserveSendMs: () => reserveMs,
    gate: { state: "holding", untilMs: 0, downSinceMs: 0, failedProbes: 0 },
    available: 500,
  };
  return { budget, outcomes };
}

const stateWith = (options: RetryOptions<string> = {}) => {
  const clock = createManualClock();
  return { clock, state: createRunState<string>({ clock, ...options }, normalize) };
};

describe("the admit step", () => {
  it("sends at once without a budget", async () => {
    const { state } = stateWith();
    expect(await admitAttempt(state)).toEqual({ ok: true, probe: false });
  });

  it("asks canAttempt only for retries", () => {
    const asked: number[] = [];
    const canAttempt = (n: number) => {
      asked.push(n);
      return false;
    };
    const { state } = stateWith({ canAttempt });
    expect(checkCanAttempt(state)).toBeUndefined();
    state.sent = 1;
    state.lastError = failure("transient");
    expect(checkCanAttempt(state)).toMatchObject({ ok: false, reason: "budget" });
    expect(asked).toEqual([2]);
  });

  it("gives up with deadline when a wait would reach it", async () => {
    const { clock, state } = stateWith({ deadlineMs: 100 });
    expect(checkDeadline(state, 99)).toBeUndefined();
    expect(checkDeadline(state, 100)).toMatchObject({
      ok: false,
      reason: "deadline",
      error: { code: "EndpointUnavailable" },
    });
    await clock.advance(100);
    expect(checkDeadline(state, 0)?.reason).toBe("deadline");
  });

  it("waits at the gate, sending nothing, then passes on its probe verdict", async () => {
    const { budget } = scriptedBudget([
      { verdict: "wait", waitMs: 100 },
      { verdict: "send", probe: true },
    ]);
    const { clock, state } = stateWith({ budget });
    const admitted = passGate(state);
    await clock.advance(100);
    expect(await admitted).toEqual({ ok: true, probe: true });
    expect(state.heldMs).toBe(100);
    expect(state.sent).toBe(0);
  });

  it("fails at once with endpoint_down when the gate rejects, its cause the last failure", async () => {
    const cause = failure("transient", { code: "InternalError" });
    const { budget } = scriptedBudget([{ verdict: "reject", downForMs: 12_000, cause }]);
    const { state } = stateWith({ budget });
    const refused = await passGate(state);
    expect(refused).toMatchObject({ ok: false, reason: "endpoint_down" });
    if (refused.ok) throw new Error("expected a refusal");
    expect(refused.error).toMatchObject({ kind: "unavailable", cause });
    expect(refused.error.message).toContain("down for 12.0 s");
  });

  it("lets calls that sent fewer requests take the probe first, once per hold", () => {
    const { state } = stateWith();
    const holding = { state: "holding", untilMs: 100, downSinceMs: 0, failedProbes: 0 } as const;
    expect(probeYieldMs(state, holding, 0)).toBeUndefined();
    state.sent = 3;
    expect(probeYieldMs(state, holding, 40)).toBe(90);
    expect(probeYieldMs(state, holding, 130)).toBeUndefined();
    expect(probeYieldMs(state, { ...holding, untilMs: 400 }, 500)).toBe(30);
    expect(probeYieldMs(state, { state: "up" }, 500)).toBeUndefined();
  });

  it("frees an admitted probe when pacing would pass the deadline", async () => {
    const { budget, outcomes } = scriptedBudget([{ verdict: "send", probe: true }], 500);
    const { state } = stateWith({ budget, deadlineMs: 100 });
    expect(await admitAttempt(state)).toMatchObject({ ok: false, reason: "deadline" });
    expect(outcomes).toEqual([{ result: "cancelled", nowMs: 0, probe: true }]);
  });

  it("reserves no send slot it could not wait for: the deadline bounds the reservation", async () => {
    const asked: [number, number | undefined][] = [];
    const { budget } = scriptedBudget([]);
    budget.reserveSendMs = (nowMs, untilMs) => {
      asked.push([nowMs, untilMs]);
      return 500;
    };
    const { state } = stateWith({ budget, deadlineMs: 100 });
    expect(await pace(state)).toMatchObject({ ok: false, reason: "deadline" });
    expect(asked).toEqual([[0, 100]]);
    const open = stateWith({ budget });
    void pace(open.state);
    expect(asked[1]).toEqual([0, undefined]);
  });

  it("waits for a send slot", async () => {
    const { budget } = scriptedBudget([], 40);
    const { clock, state } = stateWith({ budget });
    const paced = pace(state);
    await clock.advance(40);
    expect(await paced).toEqual({ ok: true, probe: false });
    expect(clock.now()).toBe(40);
  });

  it("gives up with aborted when the caller aborts a wait at the gate", async () => {
    const { budget } = scriptedBudget([{ verdict: "wait", waitMs: 1000 }]);
    const controller = new AbortController();
    const { clock, state } = stateWith({ budget, signal: controller.signal });
    const admitted = passGate(state);
    await clock.advance(10);
    controller.abort();
    expect(await admitted).toMatchObject({
      ok: false,
      reason: "aborted",
      error: { kind: "aborted" },
    });
  });
});
