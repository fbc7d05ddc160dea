import type { FaultProxy } from "../server/index.js";
import type { ContenderEnv, ContenderName } from "./contenders.js";
import type { GuardBucket, Loaded } from "./load-adapters.js";

/** One contender's line in a scenario table. */
export interface ScenarioRow {
  contender: string;
  /** Cell text per column name. */
  cells: Record<string, string>;
  /** The scenario's headline metric, drawn in the chart. */
  value: number;
}

/** What a scenario printed. */
export interface ScenarioResult {
  title: string;
  /** The goal, in words (`ratio <= 1.03`). */
  target: string;
  columns: readonly string[];
  rows: ScenarioRow[];
  /** Name and unit of `ScenarioRow.value` (`success %`). */
  metric: string;
  /** Contenders that did not run, and why. */
  notes: string[];
}

/** Everything a scenario may use. */
export interface ScenarioEnv extends ContenderEnv {
  /** s3rver without the proxy (overhead runs, seeding objects). */
  directEndpoint: string;
  proxy: FaultProxy;
  guardBucket: Loaded<GuardBucket>;
  seed: number;
  /** The contenders to run (`--clients`), in table order. */
  contenders: readonly ContenderName[];
  /** Progress output, one line per call. */
  log(line: string): void;
}

/** Formats a ratio or share with `digits` decimals. */
export function fixed(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "-";
}
