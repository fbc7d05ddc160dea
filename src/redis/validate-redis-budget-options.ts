import {
  checkDuration,
  checkFunction,
  checkNumber,
  checkObject,
} from "../retry/validate-options.js";
import type { RedisBudgetOptions } from "./create-redis-budget.js";

/** Throws a TypeError or RangeError naming the first wrong option of the shared part. */
export function validateRedisBudgetOptions(options: RedisBudgetOptions): void {
  if (options === undefined)
    throw new TypeError("Expected `options` to be an object, got undefined.");
  checkObject("options", options);
  const { redis, key } = options;
  if (typeof redis !== "object" || redis === null || typeof redis.eval !== "function") {
    throw new TypeError("Expected `redis` to be an ioredis client (with `eval`).");
  }
  if (typeof key !== "string" || key.length === 0) {
    throw new TypeError(`Expected \`key\` to be a non-empty string, got ${JSON.stringify(key)}.`);
  }
  checkNumber("leaseTokens", options.leaseTokens, 1);
  for (const name of ["syncIntervalMs", "redisTimeoutMs", "keyTtlMs"] as const) {
    checkDuration(name, options[name], 1);
  }
  checkFunction("onEvent", options.onEvent);
}
