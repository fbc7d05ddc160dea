import type { RetryClass, StorageErrorKind } from "../../src/errors/kinds.js";
import { StorageError, type StorageErrorInit } from "../../src/errors/storage-error.js";
import { createManualClock } from "../../src/retry/manual-clock.js";
import type { RetryBudget } from "../../src/retry/retry-budget-contract.js";
import type { RetryOptions } from "../../src/retry/types.js";
import { withRetry } from "../../src/retry/with-retry.js";

const KIND_OF: Record<RetryClass, StorageErrorKind> = {
  throttling: "throttled",
  transient: "server_error",
  clock_skew: "clock_skew",
  credentials: "unauthenticated",
  conflict: "conflict",
  redirect: "redirect",
  never: "not_found",
};

/** A StorageError of `retry`'s class, with a plausible kind and code. */
export function failure(retry: RetryClass, extra: Partial<StorageErrorInit> = {}): StorageError {
  return new StorageError({
    kind: KIND_OF[retry],
    code: `Code_${retry}`,
    message: `failed with ${retry}`,
    retry,
    provider: "aws",
    status: retry === "never" ? 404 : 503,
    ...extra,
  });
}

/** What a promise settled to, without unhandled rejections while the clock runs. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: StorageError };

export function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: StorageError) => ({ ok: false as const, error }),
  );
}

/** A fn that throws the given errors in turn, then resolves with `value`. */
export function scripted<T>(errors: readonly unknown[], value: T) {
  let calls = 0;
  const fn = async (): Promise<T> => {
    const error = errors[calls++];
    if (calls <= errors.length) throw error;
    return value;
  };
  return { fn, calls: () => calls };
}

/** Narrows a Settled to its error, failing the test when it succeeded. */
export function errorOf<T>(result: Settled<T>): StorageError {
  if (result.ok) throw new Error(`expected a failure, got ${String(result.value)}`);
  return result.error;
}

/** Reports a failed attempt of class `retry` to `budget` at `nowMs`. */
export function recordFailure(
  budget: RetryBudget,
  retry: RetryClass,
  nowMs = 0,
  probe = false,
): void {
  budget.record({ result: "failure", nowMs, probe, error: failure(retry) });
}

/** Reports a successful attempt to `budget` at `nowMs`; `refund` for a successful retry. */
export function recordSuccess(
  budget: RetryBudget,
  nowMs = 0,
  refund?: RetryClass,
  probe = false,
): void {
  budget.record({ result: "success", nowMs, probe, refund });
}

/**
 * Runs `withRetry` over a fn that throws `errors` in turn then returns `value`, on a manual clock
 * run to the end (random fixed at 0.5): what it settled to, how many calls, and the clock.
 */
export async function runScripted<T>(
  errors: readonly unknown[],
  value: T,
  options: RetryOptions<T> = {},
) {
  const clock = createManualClock();
  const script = scripted(errors, value);
  const result = settle(withRetry(script.fn, { clock, random: () => 0.5, ...options }));
  await clock.runAll();
  return { result: await result, calls: script.calls(), clock };
}
