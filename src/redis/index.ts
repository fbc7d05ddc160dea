// bucketguard/redis: a retry budget and breaker shared by a fleet through Redis (ioredis).
export type {
  RedisBudget,
  RedisBudgetEvent,
  RedisBudgetOptions,
} from "./create-redis-budget.js";
export { createRedisBudget } from "./create-redis-budget.js";
export type { RedisLike } from "./redis-like.js";
