import type { NormalizeContext } from "../errors/context.js";
import type { AttemptRecord, RetryClass } from "../errors/kinds.js";
import type { StorageError } from "../errors/storage-error.js";
import { startRecorder } from "../telemetry/start-recorder.js";
import { resolvePolicy } from "./default-policy.js";
import type { Origin } from "./retry-errors.js";
import { systemClock } from "./system-clock.js";
import type { OperationRecorder } from "./telemetry.js";
import type { Clock, RetryOptions, RetryPolicy } from "./types.js";
import { validateRetryOptions } from "./validate-retry-options.js";

/**
 * What one `withRetry` call knows and has done so far; the steps read and update it. It is the
 * origin of the errors the engine makes.
 */
export interface RunState<T> extends Origin {
  readonly options: RetryOptions<T>;
  /** Turns a thrown value into a StorageError: `options.normalize`, else the caller's default. */
  readonly normalize: (error: unknown, context?: NormalizeContext) => StorageError;
  readonly policy: RetryPolicy;
  readonly clock: Clock;
  readonly random: () => number;
  /** The caller's context, for the errors the engine makes. */
  readonly context: NormalizeContext | undefined;
  /** The operation's name (`options.operation.name`, else `context.operation`), or undefined. */
  readonly operation: string | undefined;
  /** When the whole operation must end (ms since epoch), or undefined. */
  readonly deadlineAtMs: number | undefined;
  /** Each failed attempt, for the surfaced error. */
  readonly attempts: AttemptRecord[];
  /** Failures per retry class so far. */
  readonly classFailures: Map<RetryClass, number>;
  /** The last delay per retry class, for decorrelated jitter. */
  readonly previousDelayMs: Map<RetryClass, number>;
  /** Requests sent so far (probes included): the number of the current attempt once sent. */
  sent: number;
  /** Time spent waiting at the budget's gate, in milliseconds. */
  heldMs: number;
  /** Learned offset of the server's clock from ours, in milliseconds. */
  clockOffsetMs: number;
  lastError: StorageError | undefined;
  /** The end of the last hold this call let others probe first at (see `probeYieldMs`). */
  yieldedAtMs: number | undefined;
  /** The class whose cost the budget took for the pending retry; a success refunds it. */
  charged: RetryClass | undefined;
  /** Telemetry and diagnostics channels, or undefined when nobody listens. */
  readonly recorder: OperationRecorder | undefined;
}

/** Validates `options` and starts a run at the clock's now. */
export function createRunState<T>(
  options: RetryOptions<T>,
  normalize: RunState<T>["normalize"],
): RunState<T> {
  validateRetryOptions(options);
  const clock = options.clock ?? systemClock;
  const operation = options.operation?.name ?? options.context?.operation;
  const startedAtMs = clock.now();
  return {
    options,
    normalize: options.normalize ?? normalize,
    policy: resolvePolicy(options.policy, options.maxAttempts),
    clock,
    random: options.random ?? Math.random,
    context: options.context,
    operation,
    deadlineAtMs: options.deadlineMs === undefined ? undefined : startedAtMs + options.deadlineMs,
    attempts: [],
    classFailures: new Map(),
    previousDelayMs: new Map(),
    sent: 0,
    heldMs: 0,
    clockOffsetMs: 0,
    lastError: undefined,
    charged: undefined,
    yieldedAtMs: undefined,
    recorder: startRecorder(options, operation),
  };
}

/** Adds a failed attempt to the record the surfaced error will carry. */
export function recordAttempt<T>(state: RunState<T>, error: StorageError, delayMs: number): void {
  state.attempts.push({
    attempt: state.sent,
    kind: error.kind,
    code: error.code,
    status: error.status,
    delayMs,
  });
}
