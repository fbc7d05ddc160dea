import type { BudgetGate } from "../index.js";

/** What the last answer from Redis said about the fleet's budget, and when it came. */
export interface SharedView {
  /** Tokens left in the shared pool (leases already taken out). */
  tokens: number;
  down: boolean;
  downForMs: number;
  holdRemainingMs: number;
  /** The process that holds the fleet's probe, or "" when none is out. */
  probeOwner: string;
  /** Local time the answer arrived, in milliseconds since the epoch. */
  atMs: number;
}

/** Reads a SYNC or BREAKER answer: `[first, tokens, down, downForMs, holdRemainingMs, owner]`. */
export function readAnswer(answer: unknown, atMs: number): { first: number; view: SharedView } {
  if (!Array.isArray(answer) || answer.length < 6) {
    throw new TypeError("unexpected answer from the shared budget's script");
  }
  const [first, tokens, down, downForMs, holdRemainingMs, owner] = answer as unknown[];
  return {
    first: Number(first),
    view: {
      tokens: Number(tokens) || 0,
      down: Number(down) === 1,
      downForMs: Number(downForMs) || 0,
      holdRemainingMs: Number(holdRemainingMs) || 0,
      probeOwner: typeof owner === "string" ? owner : String(owner ?? ""),
      atMs,
    },
  };
}

/**
 * The shared state as a gate, seen at `nowMs`: `holding` until the hold passes, `probing` while
 * some process's probe is out, `open` once down `openAfterMs`.
 */
export function gateOf(view: SharedView, nowMs: number, openAfterMs: number): BudgetGate {
  if (!view.down) return { state: "up" };
  const elapsed = Math.max(0, nowMs - view.atMs);
  const downSinceMs = nowMs - (view.downForMs + elapsed);
  const untilMs = view.atMs + view.holdRemainingMs;
  // Open before probing, as the in-process gate: a slow probe must not hold calls past openAfterMs.
  if (nowMs - downSinceMs >= openAfterMs) {
    return { state: "open", probeAtMs: untilMs, downSinceMs, failedProbes: 0 };
  }
  if (view.probeOwner !== "") {
    return { state: "probing", sinceMs: view.atMs, downSinceMs, failedProbes: 0 };
  }
  return { state: "holding", untilMs, downSinceMs, failedProbes: 0 };
}
