/**
 * The part of an ioredis client (v5) the shared budget uses: `eval`. Any client with the same
 * call works; nothing is imported from ioredis.
 */
export interface RedisLike {
  /** Runs a Lua script (ioredis's `eval`): the script, the number of keys, then keys and arguments. */
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

/** Runs a script on one key; a client that throws instead of rejecting is turned into a rejection. */
export function runScript(
  redis: RedisLike,
  script: string,
  key: string,
  args: (string | number)[],
): Promise<unknown> {
  try {
    return Promise.resolve(redis.eval(script, 1, key, ...args));
  } catch (error) {
    return Promise.reject(error);
  }
}
