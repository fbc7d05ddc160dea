import type { BudgetGate } from "./retry-budget-contract.js";

/** The timings of a {@link BudgetGate}, in milliseconds. */
export interface GateTimings {
  /** First hold after the endpoint is seen down. */
  outageHoldMs: number;
  /** Longest hold between two probes, and the spacing of probes while open. */
  probeIntervalMs: number;
  /** Time down after which new calls fail at once; also frees a probe that never reported. */
  openAfterMs: number;
}

/** What the gate lets an attempt do; the budget adds the cause to a rejection. */
export type GateVerdict =
  | { readonly verdict: "send"; readonly probe: boolean }
  | { readonly verdict: "wait"; readonly waitMs: number }
  | { readonly verdict: "reject"; readonly downForMs: number };

/** Held calls look again this often while a probe is out, in milliseconds. */
const PROBE_POLL_MS = 50;

export const GATE_UP: BudgetGate = Object.freeze({ state: "up" });
const SEND: GateVerdict = Object.freeze({ verdict: "send", probe: false });
const PROBE: GateVerdict = Object.freeze({ verdict: "send", probe: true });

/** The gate once the endpoint is first seen down at `nowMs`: a first short hold. */
export function tripGate(nowMs: number, timings: GateTimings): BudgetGate {
  return {
    state: "holding",
    untilMs: nowMs + timings.outageHoldMs,
    downSinceMs: nowMs,
    failedProbes: 0,
  };
}

/**
 * Moves the gate for one attempt about to be sent at `nowMs`: pure, the new gate and the verdict.
 * The first attempt past a hold, or past `probeAtMs` while open, becomes the probe.
 */
export function admitThroughGate(
  gate: BudgetGate,
  nowMs: number,
  timings: GateTimings,
): [BudgetGate, GateVerdict] {
  if (gate.state === "up") return [gate, SEND];
  const openAtMs = gate.downSinceMs + timings.openAfterMs;
  const reject: GateVerdict = { verdict: "reject", downForMs: nowMs - gate.downSinceMs };
  switch (gate.state) {
    case "holding":
      if (nowMs >= gate.untilMs) return [startProbe(gate, nowMs), PROBE];
      if (nowMs >= openAtMs)
        return [{ ...base(gate), state: "open", probeAtMs: gate.untilMs }, reject];
      return [gate, { verdict: "wait", waitMs: Math.min(gate.untilMs, openAtMs) - nowMs }];
    case "probing": {
      // A probe that never reports (its call hung, or vanished) must not hold the gate for ever.
      const lostAtMs = gate.sinceMs + timings.openAfterMs;
      if (nowMs >= lostAtMs) return [startProbe(gate, nowMs), PROBE];
      if (nowMs >= openAtMs) return [gate, reject];
      const waitMs = Math.min(PROBE_POLL_MS, openAtMs - nowMs, lostAtMs - nowMs);
      return [gate, { verdict: "wait", waitMs }];
    }
    case "open":
      return nowMs >= gate.probeAtMs ? [startProbe(gate, nowMs), PROBE] : [gate, reject];
  }
}

/**
 * The gate after its probe ended at `nowMs`: up on success; on failure, open once the endpoint has
 * been down `openAfterMs`, else held again, each hold twice the last, up to `probeIntervalMs`.
 * A cancelled probe (`ok` undefined) frees the gate for the next attempt at once.
 */
export function settleProbe(
  gate: BudgetGate,
  ok: boolean | undefined,
  nowMs: number,
  timings: GateTimings,
): BudgetGate {
  if (ok === true) return GATE_UP;
  if (gate.state !== "probing") return gate;
  const failedProbes = gate.failedProbes + (ok === false ? 1 : 0);
  const next = { downSinceMs: gate.downSinceMs, failedProbes };
  const pauseMs =
    ok === undefined
      ? 0
      : Math.min(timings.probeIntervalMs, timings.outageHoldMs * 2 ** Math.min(failedProbes, 30));
  if (nowMs - gate.downSinceMs >= timings.openAfterMs) {
    return {
      ...next,
      state: "open",
      probeAtMs: nowMs + (ok === undefined ? 0 : timings.probeIntervalMs),
    };
  }
  return { ...next, state: "holding", untilMs: nowMs + pauseMs };
}

function startProbe(gate: Exclude<BudgetGate, { state: "up" }>, nowMs: number): BudgetGate {
  return { ...base(gate), state: "probing", sinceMs: nowMs };
}

function base(gate: Exclude<BudgetGate, { state: "up" }>) {
  return { downSinceMs: gate.downSinceMs, failedProbes: gate.failedProbes };
}
