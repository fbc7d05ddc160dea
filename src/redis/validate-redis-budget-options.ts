import type { RedisBudgetOptions } from "./create-redis-budget.js";

/** Throws a TypeError or RangeError naming the first wrong option of the shared part. */
export function validateRedisBudgetOptions(options: RedisBudgetOptions): void {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`createRedisBudget: options must be an object, got ${String(options)}`);
  }
  const { redis, key } = options;
  if (typeof redis !== "object" || redis === null || typeof redis.eval !== "function") {
    throw new TypeError("createRedisBudget: redis must be an ioredis client (with eval)");
  }
  if (typeof key !== "string" || key.length === 0) {
    throw new TypeError(`createRedisBudget: key must be a non-empty string, got ${String(key)}`);
  }
  const positive = ["leaseTokens", "syncIntervalMs", "redisTimeoutMs", "keyTtlMs"] as const;
  for (const name of positive) {
    const value = options[name];
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
      throw new RangeError(
        `createRedisBudget: ${name} must be a finite number above 0, got ${String(value)}`,
      );
    }
  }
  if (options.onEvent !== undefined && typeof options.onEvent !== "function") {
    throw new TypeError("createRedisBudget: onEvent must be a function");
  }
}
