import { describe, expect, it } from "vitest";
import { admitThroughGate, GATE_UP, settleProbe, tripGate } from "../../src/retry/budget-gate.js";
import type { BudgetGate } from "../../src/retry/retry-budget-contract.js";

const timings = { outageHoldMs: 100, probeIntervalMs: 400, openAfterMs: 1000 };

describe("the budget gate's transitions", () => {
  it("sends freely while up", () => {
    expect(admitThroughGate(GATE_UP, 5, timings)).toEqual([
      GATE_UP,
      { verdict: "send", probe: false },
    ]);
  });

  it("trips to a first short hold, then hands out one probe", () => {
    const held = tripGate(1000, timings);
    expect(held).toEqual({ state: "holding", untilMs: 1100, downSinceMs: 1000, failedProbes: 0 });
    expect(admitThroughGate(held, 1040, timings)).toEqual([held, { verdict: "wait", waitMs: 60 }]);
    const [probing, verdict] = admitThroughGate(held, 1100, timings);
    expect(verdict).toEqual({ verdict: "send", probe: true });
    expect(probing).toEqual({
      state: "probing",
      sinceMs: 1100,
      downSinceMs: 1000,
      failedProbes: 0,
    });
    expect(admitThroughGate(probing, 1110, timings)[1]).toEqual({ verdict: "wait", waitMs: 50 });
  });

  it.each<[string, BudgetGate, number, BudgetGate]>([
    [
      "holds twice as long after a failed probe",
      { state: "probing", sinceMs: 1100, downSinceMs: 1000, failedProbes: 0 },
      1120,
      { state: "holding", untilMs: 1320, downSinceMs: 1000, failedProbes: 1 },
    ],
    [
      "caps the hold at probeIntervalMs",
      { state: "probing", sinceMs: 1500, downSinceMs: 1000, failedProbes: 3 },
      1520,
      { state: "holding", untilMs: 1920, downSinceMs: 1000, failedProbes: 4 },
    ],
    [
      "opens once down openAfterMs",
      { state: "probing", sinceMs: 1990, downSinceMs: 1000, failedProbes: 4 },
      2010,
      { state: "open", probeAtMs: 2410, downSinceMs: 1000, failedProbes: 5 },
    ],
  ])("%s", (_, gate, nowMs, expected) => {
    expect(settleProbe(gate, false, nowMs, timings)).toEqual(expected);
  });

  it("closes on a successful probe, from any state", () => {
    const open: BudgetGate = { state: "open", probeAtMs: 3000, downSinceMs: 0, failedProbes: 2 };
    expect(settleProbe(open, true, 3000, timings)).toBe(GATE_UP);
  });

  it("frees a cancelled probe at once, without counting it as failed", () => {
    const probing: BudgetGate = { state: "probing", sinceMs: 200, downSinceMs: 0, failedProbes: 1 };
    expect(settleProbe(probing, undefined, 250, timings)).toEqual({
      state: "holding",
      untilMs: 250,
      downSinceMs: 0,
      failedProbes: 1,
    });
  });

  it("rejects while open, but for one probe per interval", () => {
    const open: BudgetGate = { state: "open", probeAtMs: 3000, downSinceMs: 0, failedProbes: 2 };
    expect(admitThroughGate(open, 2999, timings)).toEqual([
      open,
      { verdict: "reject", downForMs: 2999 },
    ]);
    expect(admitThroughGate(open, 3000, timings)[1]).toEqual({ verdict: "send", probe: true });
  });

  it("rejects held calls once down openAfterMs, and frees a probe that never reported", () => {
    const probing: BudgetGate = { state: "probing", sinceMs: 500, downSinceMs: 0, failedProbes: 1 };
    expect(admitThroughGate(probing, 990, timings)[1]).toEqual({ verdict: "wait", waitMs: 10 });
    expect(admitThroughGate(probing, 1000, timings)[1]).toEqual({
      verdict: "reject",
      downForMs: 1000,
    });
    expect(admitThroughGate(probing, 1500, timings)[1]).toEqual({ verdict: "send", probe: true });
    const held: BudgetGate = { state: "holding", untilMs: 1200, downSinceMs: 0, failedProbes: 2 };
    const [opened, verdict] = admitThroughGate(held, 1000, timings);
    expect(verdict).toEqual({ verdict: "reject", downForMs: 1000 });
    expect(opened).toEqual({ state: "open", probeAtMs: 1200, downSinceMs: 0, failedProbes: 2 });
  });
});
