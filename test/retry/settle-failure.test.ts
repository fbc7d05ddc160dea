import { describe, expect, it } from "vitest";
import { normalize } from "../../src/errors/normalize.js";
import { createManualClock } from "../../src/retry/manual-clock.js";
import { createRetryBudget } from "../../src/retry/retry-budget.js";
import { createRunState } from "../../src/retry/run-state.js";
import {
  decideNext,
  reconcile,
  reportToBudget,
  settleFailure,
} from "../../src/retry/settle-failure.js";
import type { RetryOptions } from "../../src/retry/types.js";
import { failure, recordFailure } from "./helpers.js";

const stateWith = (options: RetryOptions<string> = {}) => {
  const clock = createManualClock();
  const state = createRunState<string>({ clock, random: () => 0.5, ...options }, normalize);
  state.sent = 1;
  return { clock, state };
};

describe("the settle step", () => {
  it("retries after the class's backoff and records the attempt", async () => {
    const { state } = stateWith();
    const error = failure("transient");
    expect(await settleFailure(state, error, false)).toEqual({ action: "retry", delayMs: 25 });
    expect(state.lastError).toBe(error);
    expect(state.attempts).toEqual([
      { attempt: 1, kind: "server_error", code: "Code_transient", status: 503, delayMs: 25 },
    ]);
  });

  it("gives up with the decision's reason, aborted for a cancelled attempt", async () => {
    expect(await settleFailure(stateWith().state, failure("never"), false)).toEqual({
      action: "give_up",
      reason: "not_retryable",
    });
    const aborted = failure("never", { kind: "aborted", code: "AbortError" });
    expect(await settleFailure(stateWith().state, aborted, true)).toEqual({
      action: "give_up",
      reason: "aborted",
    });
  });

  it("gives up with budget when the retry's cost cannot be paid", async () => {
    const budget = createRetryBudget({ capacity: 10 });
    expect(await settleFailure(stateWith({ budget }).state, failure("transient"), false)).toEqual({
      action: "give_up",
      reason: "budget",
    });
  });

  it("lets the gate pace the retry while the budget holds the endpoint: no tokens, a short backoff", async () => {
    const budget = createRetryBudget({ outageThreshold: 1 });
    recordFailure(budget, "throttling", 0);
    const { state } = stateWith({ budget, maxAttempts: 6 });
    state.classFailures.set("throttling", 4);
    // The fifth throttling backoff would be up to 16 s; at the gate it is at most 500 ms.
    expect(await settleFailure(state, failure("throttling"), false)).toEqual({
      action: "retry",
      delayMs: 500,
    });
    expect(budget.available).toBe(500);
    expect(state.charged).toBeUndefined();
  });

  it("resolves with what reconcile proves landed, on retries only", async () => {
    const conflict = failure("never", {
      kind: "precondition_failed",
      code: "PreconditionFailed",
      status: 412,
    });
    const options = { reconcile: async () => ({ value: "landed" }) };
    const first = stateWith(options).state;
    expect(await reconcile(first, conflict)).toBeUndefined();
    const retry = stateWith(options).state;
    retry.sent = 2;
    expect(await settleFailure(retry, conflict, false)).toEqual({
      action: "resolve",
      value: "landed",
    });
  });

  it("counts failures per class for the decision", () => {
    const { state } = stateWith({ maxAttempts: 5 });
    decideNext(state, failure("transient"));
    decideNext(state, failure("transient"));
    expect(state.classFailures.get("transient")).toBe(2);
  });

  it("reports outcomes to the budget, probes and cancellations included", () => {
    const outcomes: unknown[] = [];
    const budget = { ...createRetryBudget(), record: (o: unknown) => outcomes.push(o) };
    const { state } = stateWith({ budget });
    const error = failure("transient");
    reportToBudget(state, { ok: false, error, cancelled: false }, true);
    reportToBudget(state, { ok: false, error, cancelled: true }, false);
    state.charged = "transient";
    reportToBudget(state, { ok: true, value: "v" }, false);
    expect(outcomes).toEqual([
      { result: "failure", nowMs: 0, probe: true, error },
      { result: "cancelled", nowMs: 0, probe: false },
      { result: "success", nowMs: 0, probe: false, refund: "transient" },
    ]);
  });
});
