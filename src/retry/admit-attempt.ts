import type { GaveUpReason } from "../errors/kinds.js";
import type { StorageError } from "../errors/storage-error.js";
import type { BudgetGate } from "./retry-budget-contract.js";
import { createAbortedError, createHeldError } from "./retry-errors.js";
import type { RunState } from "./run-state.js";
import { sleep } from "./sleep.js";

/** Whether the next attempt may go out: as the budget's probe or not, or why not. */
export type Admitted =
  | { readonly ok: true; readonly probe: boolean }
  | { readonly ok: false; readonly reason: GaveUpReason; readonly error: StorageError };

/** An attempt that may not go out, and why. */
export type Refusal = Extract<Admitted, { ok: false }>;

const SEND: Admitted = Object.freeze({ ok: true, probe: false });
const PROBE: Admitted = Object.freeze({ ok: true, probe: true });

/**
 * The admit step, before every attempt: the caller's `canAttempt`, the deadline, the budget's
 * gate (waiting while it holds, sending nothing), then the send-rate limiter's pacing.
 */
export async function admitAttempt<T>(state: RunState<T>): Promise<Admitted> {
  const refused = checkCanAttempt(state) ?? checkDeadline(state, 0);
  if (refused) return refused;
  const gate = await passGate(state);
  if (!gate.ok) return gate;
  const paced = await pace(state);
  if (!paced.ok && gate.probe) {
    state.options.budget?.record({ result: "cancelled", nowMs: state.clock.now(), probe: true });
  }
  return paced.ok ? gate : paced;
}

/** `canAttempt` is asked before every attempt after the first. */
export function checkCanAttempt<T>(state: RunState<T>): Refusal | undefined {
  const { lastError, options } = state;
  if (!lastError || !options.canAttempt || options.canAttempt(state.sent + 1)) return undefined;
  return { ok: false, reason: "budget", error: lastError };
}

/** Gives up with `deadline` when waiting `waitMs` more would reach the deadline. */
export function checkDeadline<T>(state: RunState<T>, waitMs: number): Refusal | undefined {
  const { deadlineAtMs } = state;
  if (deadlineAtMs === undefined || state.clock.now() + waitMs < deadlineAtMs) return undefined;
  const error = state.lastError ?? createHeldError(state, undefined);
  return { ok: false, reason: "deadline", error };
}

/**
 * Asks the budget's gate until it lets the attempt out. Waits send nothing; they end in
 * `endpoint_down` when the gate rejects (the breaker is open) or the call's `outageWaitMs` is
 * spent, in `deadline` when the gate would outlast the deadline.
 */
export async function passGate<T>(state: RunState<T>): Promise<Admitted> {
  const { budget } = state.options;
  if (!budget) return SEND;
  for (;;) {
    let waitMs = probeYieldMs(state, budget.gate, state.clock.now());
    if (waitMs === undefined) {
      const admission = budget.admit(state.clock.now());
      if (admission.verdict === "send") return admission.probe ? PROBE : SEND;
      if (admission.verdict === "reject") {
        const cause = state.lastError ?? admission.cause;
        const downS = (admission.downForMs / 1000).toFixed(1);
        const message = `Not attempted: the endpoint has been down for ${downS} s; calls fail at once until a probe succeeds.`;
        const error = createHeldError(state, cause, message);
        return { ok: false, reason: "endpoint_down", error };
      }
      waitMs = admission.waitMs;
    }
    const refused = await hold(state, waitMs);
    if (refused) return refused;
  }
}

/** Waits at the gate, unless that would reach the deadline or spend the call's `outageWaitMs`. */
export async function hold<T>(state: RunState<T>, waitMs: number): Promise<Refusal | undefined> {
  const late = checkDeadline(state, waitMs);
  if (late) return late;
  const { outageWaitMs } = state.options;
  if (outageWaitMs !== undefined && state.heldMs + waitMs > outageWaitMs) {
    const message = `Not attempted: the endpoint looks down, and this call has waited its outageWaitMs (${outageWaitMs} ms).`;
    const error = createHeldError(state, state.lastError, message);
    return { ok: false, reason: "endpoint_down", error };
  }
  const aborted = await wait(state, waitMs);
  state.heldMs += waitMs;
  return aborted;
}

/**
 * A call that already sent requests lets the calls that sent fewer take the probe at the end of
 * a hold: it waits until `sent` x 10 ms past the hold's end, once per hold (undefined: no wait).
 * So the probe goes to the call with the most attempts left, and no call spends its attempts
 * on probes while others wait for free.
 */
export function probeYieldMs<T>(
  state: RunState<T>,
  gate: BudgetGate,
  nowMs: number,
): number | undefined {
  if (gate.state !== "holding" || state.sent === 0 || state.yieldedAtMs === gate.untilMs) {
    return undefined;
  }
  state.yieldedAtMs = gate.untilMs;
  return Math.max(0, gate.untilMs - nowMs) + state.sent * PROBE_YIELD_MS;
}

const PROBE_YIELD_MS = 10;

/**
 * Waits for a send slot of the budget's rate limiter, unless that would reach the deadline (the
 * slot is then not reserved, so no other call waits behind a send that never happens).
 */
export async function pace<T>(state: RunState<T>): Promise<Admitted> {
  const waitMs = state.options.budget?.reserveSendMs?.(state.clock.now(), state.deadlineAtMs) ?? 0;
  if (waitMs <= 0) return SEND;
  return checkDeadline(state, waitMs) ?? (await wait(state, waitMs)) ?? SEND;
}

/** Sleeps on the run's clock; an abort of the caller's signal gives up with `aborted`. */
export async function wait<T>(state: RunState<T>, delayMs: number): Promise<Refusal | undefined> {
  try {
    await sleep(state.clock, delayMs, state.options.signal);
    return undefined;
  } catch (reason) {
    return { ok: false, reason: "aborted", error: createAbortedError(state, reason) };
  }
}
