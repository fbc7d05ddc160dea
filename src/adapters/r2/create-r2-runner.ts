import { R2_DIALECT } from "../../errors/dialects.js";
import { normalizeWith } from "../../errors/normalize-with.js";
import {
  type AttemptContext,
  type Idempotency,
  type RetryOptions,
  StorageError,
} from "../../index.js";
import { retryLoop } from "../../retry/retry-loop.js";
import type { ResolvedSettings } from "../shared/resolve-settings.js";
import {
  DEFAULT_SUBREQUEST_LIMIT,
  DEFAULT_WRITE_INTERVAL_MS,
  type GuardBucketOptions,
} from "./guard-bucket-options.js";
import { createWritePacer, type WritePacer } from "./write-pacer.js";

/** One call to the binding, as the runner retries it. */
export interface R2Call<T> {
  /** The binding's method name (`put`, `uploadPart`), used as the error's operation. */
  operation: string;
  key?: string | undefined;
  /** Keys written: the call is paced on them. Omit for reads. */
  writeKeys?: readonly string[] | undefined;
  idempotency?: Idempotency | undefined;
  bodyReplayable?: boolean | undefined;
  /** One attempt (1-based). */
  attempt: (attempt: number) => Promise<T>;
  reconcile?: RetryOptions<T>["reconcile"];
}

/** Runs binding calls under the retry engine, pacing and the subrequest budget. */
export interface R2Runner {
  run<T>(call: R2Call<T>): Promise<T>;
  /** Counts one extra binding call (reconciliation); false when the budget is spent. */
  takeSubrequest(): boolean;
  /** Binding calls made so far. */
  readonly subrequests: number;
  readonly pacer: WritePacer;
}

/** Creates the runner shared by a guarded bucket and its multipart uploads. */
export function createR2Runner(options: GuardBucketOptions, settings: ResolvedSettings): R2Runner {
  const retry = { ...settings.retry, signal: options.signal };
  const limit = options.subrequestLimit ?? DEFAULT_SUBREQUEST_LIMIT;
  const pacer = createWritePacer(
    settings.clock,
    options.writeIntervalMs ?? DEFAULT_WRITE_INTERVAL_MS,
  );
  let used = 0;
  const takeSubrequest = (): boolean => {
    if (used >= limit) return false;
    used++;
    return true;
  };

  return {
    pacer,
    takeSubrequest,
    get subrequests() {
      return used;
    },
    async run<T>(call: R2Call<T>): Promise<T> {
      const context = { provider: "r2" as const, operation: call.operation, key: call.key };
      if (used >= limit) throw createBudgetError(call.operation, limit);
      const writeKeys = call.writeKeys;
      // The attempt's signal is read (and so made) only when a paced write may wait on it.
      const once = (ctx: AttemptContext): Promise<T> => {
        const send = (): Promise<T> => {
          used++;
          return call.attempt(ctx.attempt);
        };
        return writeKeys && writeKeys.length > 0
          ? pacer.schedule(writeKeys, send, ctx.signal)
          : send();
      };
      const reconcile = call.reconcile;
      const normalizeThrown = (error: unknown): StorageError =>
        normalizeWith(R2_DIALECT, error, context);
      return retryLoop(
        once,
        {
          ...retry,
          operation: {
            name: call.operation,
            idempotency: call.idempotency ?? "idempotent",
            bodyReplayable: call.bodyReplayable ?? true,
          },
          context,
          canAttempt: () => used < limit,
          ...(reconcile ? { reconcile } : {}),
        },
        normalizeThrown,
      );
    },
  };
}

/** Normalizes anything thrown outside the retry loop (body preparation) for `operation`. */
export function normalizeR2(error: unknown, operation: string, key?: string): StorageError {
  return normalizeWith(R2_DIALECT, error, { provider: "r2", operation, key });
}

function createBudgetError(operation: string, limit: number): StorageError {
  return new StorageError({
    kind: "quota_exceeded",
    code: "SubrequestLimitExceeded",
    message: `Not attempted: this guarded bucket already made ${limit} calls (subrequestLimit).`,
    retry: "never",
    provider: "r2",
    operation,
    attempts: [],
    gaveUp: "budget",
  });
}
