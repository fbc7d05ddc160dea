import { type Clock, type RetryBudget, type RetrySettings, systemClock } from "../../index.js";
import { checkCount, checkObject } from "../../retry/validate-options.js";
import { markChecked, validateRetryOptions } from "../../retry/validate-retry-options.js";
import { checkStallTimeout, DEFAULT_STALL_TIMEOUT_MS } from "./stall-limit.js";

/** The options every adapter accepts, under the same names and with the same checks. */
export interface AdapterSettings extends RetrySettings {
  /** Largest streamed request body buffered so it can be sent again, in bytes. */
  maxReplayBytes?: number;
  /** Longest time a request may make no progress, in milliseconds (`Infinity`: none). */
  stallTimeoutMs?: number;
}

/** Where an adapter's defaults differ from the shared ones, and why (in the adapter's TSDoc). */
export interface SettingsDefaults {
  /** Attempts when neither `maxAttempts` nor `policy.maxAttempts` is given; default: the policy's 3. */
  maxAttempts?: number | undefined;
  /** Default `maxReplayBytes`. */
  maxReplayBytes: number;
  /** Makes the budget used when none is given; default: none (only the policy bounds retries). */
  budget?: (() => RetryBudget) | undefined;
}

/** Settings checked and completed with their defaults. */
export interface ResolvedSettings {
  /** What the engine gets for every operation (only the options given, plus defaults). */
  retry: RetrySettings;
  maxReplayBytes: number;
  stallTimeoutMs: number;
  clock: Clock;
}

const RETRY_SETTINGS = [
  "policy",
  "maxAttempts",
  "deadlineMs",
  "attemptTimeoutMs",
  "outageWaitMs",
  "budget",
  "onRetry",
  "onGiveUp",
  "telemetry",
  "clock",
  "random",
] as const satisfies readonly (keyof RetrySettings)[];

/**
 * Checks the shared options of an adapter at construction (a wrong one throws a TypeError or
 * RangeError naming it and the value, in the engine's words) and fills in the defaults.
 */
export function resolveSettings(
  options: AdapterSettings,
  defaults: SettingsDefaults,
): ResolvedSettings {
  checkObject("options", options);
  const retry: Record<string, unknown> = {};
  for (const name of RETRY_SETTINGS) {
    if (options[name] !== undefined) retry[name] = options[name];
  }
  validateRetryOptions(retry);
  markChecked(retry);
  checkCount("maxReplayBytes", options.maxReplayBytes, 0);
  checkStallTimeout(options.stallTimeoutMs);
  const settings = retry as RetrySettings;
  if (settings.maxAttempts === undefined && settings.policy?.maxAttempts === undefined) {
    if (defaults.maxAttempts !== undefined) settings.maxAttempts = defaults.maxAttempts;
  }
  if (settings.budget === undefined && defaults.budget) settings.budget = defaults.budget();
  return {
    retry: settings,
    maxReplayBytes: options.maxReplayBytes ?? defaults.maxReplayBytes,
    stallTimeoutMs: options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS,
    clock: options.clock ?? systemClock,
  };
}
