import { describe, expect, expectTypeOf, it } from "vitest";
import { createManualClock } from "../../src/retry/manual-clock.js";
import type {
  Admission,
  BudgetGate,
  BudgetOutcome,
  RetryBudget,
} from "../../src/retry/retry-budget-contract.js";
import { withRetry } from "../../src/retry/with-retry.js";
import { errorOf, failure, scripted, settle } from "./helpers.js";

/** A budget made outside the library: a plain object, its gate open until told otherwise. */
function createExternalBudget() {
  const outcomes: BudgetOutcome[] = [];
  let gate: BudgetGate = { state: "up" };
  const budget: RetryBudget = {
    admit: (nowMs): Admission =>
      gate.state === "open"
        ? { verdict: "reject", downForMs: nowMs, cause: undefined }
        : { verdict: "send", probe: false },
    record: (outcome) => {
      outcomes.push(outcome);
    },
    tryAcquire: () => true,
    get gate() {
      return gate;
    },
    available: Number.POSITIVE_INFINITY,
  };
  return {
    budget,
    outcomes,
    open: () => (gate = { state: "open", probeAtMs: 1e12, downSinceMs: 0, failedProbes: 0 }),
  };
}

describe("the RetryBudget contract", () => {
  it("is satisfied by a plain object, which the engine drives", async () => {
    const clock = createManualClock();
    const external = createExternalBudget();
    const script = scripted([failure("transient")], "ok");
    const result = settle(
      withRetry(script.fn, { clock, budget: external.budget, random: () => 0 }),
    );
    await clock.runAll();
    expect(await result).toEqual({ ok: true, value: "ok" });
    expect(external.outcomes.map((o) => o.result)).toEqual(["failure", "success"]);
    external.open();
    const refused = errorOf(await settle(withRetry(script.fn, { clock, budget: external.budget })));
    expect(refused).toMatchObject({ gaveUp: "endpoint_down", kind: "unavailable" });
  });

  it("narrows the gate by its state", () => {
    const gate = { state: "holding", untilMs: 1, downSinceMs: 0, failedProbes: 0 } as BudgetGate;
    if (gate.state === "holding") expectTypeOf(gate.untilMs).toEqualTypeOf<number>();
    if (gate.state === "open") expectTypeOf(gate).toHaveProperty("probeAtMs");
    expectTypeOf<BudgetOutcome & { result: "failure" }>().toHaveProperty("error");
  });
});
