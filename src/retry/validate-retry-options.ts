import type { RetryOptions } from "./types.js";
import {
  checkBoolean,
  checkCount,
  checkDuration,
  checkFunction,
  checkObject,
  checkOneOf,
} from "./validate-options.js";

const HOOKS = [
  "normalize",
  "classifyResult",
  "onRetry",
  "onGiveUp",
  "refreshCredentials",
  "onClockSkew",
  "followRedirect",
  "reconcile",
  "canAttempt",
  "random",
] as const;

const CHECKED: unique symbol = Symbol("bucketguard.checkedRetryOptions");

/**
 * Marks settings already validated (an adapter checks its options once, at construction). The
 * mark is an own enumerable property, so it rides along when the adapter spreads the settings
 * into each call's options, and `withRetry` skips checking them again on every call.
 */
export function markChecked<T extends object>(settings: T): T {
  (settings as { [CHECKED]?: true })[CHECKED] = true;
  return settings;
}

/** Throws a TypeError or RangeError naming the first wrong option of `withRetry`. */
export function validateRetryOptions<T>(options: RetryOptions<T>): void {
  checkObject("options", options);
  // Settings an adapter checked when it was built: its per-call additions are its own.
  if ((options as { [CHECKED]?: true })[CHECKED] === true) return;
  checkCount("maxAttempts", options.maxAttempts);
  checkDuration("deadlineMs", options.deadlineMs);
  checkDuration("attemptTimeoutMs", options.attemptTimeoutMs, 1);
  checkDuration("outageWaitMs", options.outageWaitMs);
  checkObject("policy", options.policy);
  checkObject("context", options.context);
  for (const name of HOOKS) checkFunction(name, options[name]);
  checkMethods("clock", options.clock, ["now", "setTimer"]);
  checkMethods("budget", options.budget, ["admit", "record", "tryAcquire"]);
  checkMethods("telemetry", options.telemetry, ["startOperation"]);
  checkMethods("signal", options.signal, ["addEventListener", "removeEventListener"]);
  const { operation } = options;
  checkObject("operation", operation);
  checkOneOf("operation.idempotency", operation?.idempotency, [
    "idempotent",
    "conditional",
    "unprocessed",
    "never",
  ]);
  checkBoolean("operation.bodyReplayable", operation?.bodyReplayable);
}

function checkMethods(name: string, value: unknown, methods: readonly string[]): void {
  checkObject(name, value);
  if (value === undefined) return;
  for (const method of methods) {
    checkFunction(`${name}.${method}`, (value as Record<string, unknown>)[method]);
    if ((value as Record<string, unknown>)[method] === undefined) {
      throw new TypeError(`Expected \`${name}\` to have a \`${method}\` method, got none.`);
    }
  }
}
