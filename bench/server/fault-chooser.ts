import { createPrng } from "../shared/prng.js";
import type { ErrorName } from "./dialects.js";
import { type Fault, type FaultPlan, type FaultRequest, isApplicable } from "./faults.js";

/** A chosen fault and its stats label. */
export interface Choice {
  fault: Fault;
  label: string;
}

/** Applies one FaultPlan: holds the script's counters, the PRNG and the capacity bucket. */
export function createFaultChooser(
  plan: FaultPlan,
  nowMs: () => number,
): (req: FaultRequest) => Choice | undefined {
  const startMs = nowMs();
  const script = (plan.script ?? []).map((entry) => ({ ...entry, left: entry.count }));
  const random = plan.random ? createPrng(plan.random.seed) : undefined;
  const capacity = plan.capacity;
  const burst = capacity ? (capacity.burst ?? Math.max(1, capacity.requestsPerSecond / 10)) : 0;
  let tokens = burst;
  let refilledAtMs = startMs;

  const errorChoice = (error: ErrorName, label: string): Choice => ({
    fault: { type: "error", error },
    label,
  });

  return (req) => {
    const now = nowMs();
    const outage = plan.outage;
    if (outage && now - startMs >= outage.fromMs && now - startMs < outage.toMs) {
      return errorChoice(outage.error ?? "unavailable", "outage");
    }
    if (capacity) {
      tokens = Math.min(burst, tokens + ((now - refilledAtMs) / 1000) * capacity.requestsPerSecond);
      refilledAtMs = now;
      if (tokens < 1) return errorChoice("slow-down", "capacity");
      tokens -= 1;
    }
    for (const entry of script) {
      if (entry.left <= 0) continue;
      if (entry.method !== undefined && entry.method !== req.method) continue;
      if (entry.path !== undefined && entry.path !== req.path) continue;
      entry.left -= 1;
      return { fault: entry.fault, label: labelFor(entry.fault) };
    }
    const picked = plan.pick?.(req, req.n);
    if (picked && isApplicable(picked, req)) return { fault: picked, label: labelFor(picked) };
    if (random && plan.random && (plan.random.match?.(req) ?? true)) {
      let draw = random();
      for (const { fault, rate } of plan.random.faults) {
        if (draw < rate)
          return isApplicable(fault, req) ? { fault, label: labelFor(fault) } : undefined;
        draw -= rate;
      }
    }
    return undefined;
  };
}

function labelFor(fault: Fault): string {
  if (fault.type !== "error") return fault.type;
  return fault.retryAfterS === undefined ? fault.error : `${fault.error}+retry-after`;
}
