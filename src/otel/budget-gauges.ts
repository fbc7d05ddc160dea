import type { Meter, ObservableResult } from "@opentelemetry/api";
import type { RetryBudget } from "../index.js";
import { ATTRIBUTES, NAMES } from "./attribute-names.js";

/** Budgets named automatically (first seen by an operation) are tracked up to this many. */
export const MAX_AUTO_BUDGETS = 64;

/** The states a breaker gauge reports, 1 for the current one and 0 for the others. */
const BREAKER_STATES = ["closed", "open", "half_open"] as const;

/** Gauges of the retry budgets in use: tokens left and breaker state. */
export interface BudgetGauges {
  /** Tracks `budget` under `name` (default: `budget-1`, `budget-2`... in order of first use). */
  observe(budget: RetryBudget, name?: string): void;
}

/**
 * Creates the `bucketguard.budget.tokens` and `bucketguard.breaker.state` observable gauges.
 * Budgets are held weakly, so a client dropped by the application stops being reported.
 */
export function createBudgetGauges(meter: Meter): BudgetGauges {
  const entries = new Map<string, WeakRef<RetryBudget>>();
  const names = new WeakMap<RetryBudget, string>();
  let autoCount = 0;

  const tokens = meter.createObservableGauge(NAMES.budgetTokens, {
    description: "Retry tokens left in a retry budget.",
    unit: "{token}",
  });
  const state = meter.createObservableGauge(NAMES.breakerState, {
    description: "State of a retry budget's outage breaker: 1 for the current state, 0 otherwise.",
    unit: "1",
  });
  const eachBudget = (visit: (budget: RetryBudget, name: string) => void): void => {
    for (const [name, ref] of entries) {
      const budget = ref.deref();
      if (budget === undefined) {
        entries.delete(name);
        continue;
      }
      try {
        visit(budget, name);
      } catch {
        // A budget whose getters throw is skipped; the others are still reported.
      }
    }
  };
  tokens.addCallback((result: ObservableResult) => {
    eachBudget((budget, name) => {
      const available = budget.available;
      if (Number.isFinite(available)) result.observe(available, { [ATTRIBUTES.budgetName]: name });
    });
  });
  state.addCallback((result: ObservableResult) => {
    eachBudget((budget, name) => {
      const current = readBreakerState(budget);
      if (current === undefined) return;
      const states: readonly string[] = BREAKER_STATES.includes(current as never)
        ? BREAKER_STATES
        : [...BREAKER_STATES, current];
      for (const each of states) {
        result.observe(each === current ? 1 : 0, {
          [ATTRIBUTES.budgetName]: name,
          [ATTRIBUTES.breakerState]: each,
        });
      }
    });
  });

  return {
    observe(budget, name) {
      const known = names.get(budget);
      if (name === undefined) {
        if (known !== undefined || autoCount >= MAX_AUTO_BUDGETS) return;
        autoCount++;
        name = `budget-${autoCount}`;
      }
      if (known !== undefined) entries.delete(known);
      names.set(budget, name);
      entries.set(name, new WeakRef(budget));
    },
  };
}

/**
 * The breaker state of a budget, as a snake_case name: its `state` (a string, or an object with
 * a string `kind`/`name`) when it has one, else from its gate: `up` is closed, `probing` half open,
 * `holding` and `open` open.
 */
export function readBreakerState(budget: RetryBudget): string | undefined {
  const raw: unknown = (budget as { state?: unknown }).state;
  const label =
    typeof raw === "string"
      ? raw
      : typeof raw === "object" && raw !== null
        ? firstString(raw as Record<string, unknown>, ["kind", "name", "state"])
        : undefined;
  if (label !== undefined && label !== "") return toSnakeCase(label);
  const gate: unknown = (budget as { gate?: unknown }).gate;
  if (typeof gate === "object" && gate !== null) {
    return GATE_BREAKER_STATES[(gate as { state?: unknown }).state as string];
  }
  return undefined;
}

const GATE_BREAKER_STATES: Readonly<Record<string, string | undefined>> = {
  up: "closed",
  holding: "open",
  probing: "half_open",
  open: "open",
};

function firstString(value: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const found = value[key];
    if (typeof found === "string") return found;
  }
  return undefined;
}

function toSnakeCase(label: string): string {
  return label
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[\s-]+/g, "_")
    .toLowerCase();
}
