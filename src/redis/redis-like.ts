/**
 * The part of an ioredis client (v5) the shared budget uses: `eval`. Any client with the same
 * call works; nothing is imported from ioredis.
 */
export interface RedisLike {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

/** Runs a script, failing after `timeoutMs` however long Redis takes (it may queue the call). */
export function evalWithin(
  redis: RedisLike,
  timeoutMs: number,
  script: string,
  key: string,
  args: (string | number)[],
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    let pending: Promise<unknown>;
    try {
      pending = redis.eval(script, 1, key, ...args);
    } catch (error) {
      clearTimeout(timer);
      reject(error);
      return;
    }
    pending.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
