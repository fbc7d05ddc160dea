import type { NormalizeContext } from "../errors/context.js";
import type { AttemptRecord, GaveUpReason, RetryClass } from "../errors/kinds.js";
import type { StorageError } from "../errors/storage-error.js";
import type { RetryBudget } from "./retry-budget-contract.js";
import type { RetryTelemetry } from "./telemetry.js";

export type { RetryBudget } from "./retry-budget-contract.js";

/** How a delay is randomised. `full` (the default) does the least total work under contention. */
export type JitterMode = "full" | "equal" | "decorrelated" | "none";

/** Treatment of one retry class. */
export interface ClassPolicy {
  /** Attempts in total (the first included) while errors are of this class; 1 means never retry. */
  maxAttempts: number;
  /** First backoff step, in milliseconds. */
  baseDelayMs: number;
  /** Largest backoff step, in milliseconds. */
  maxDelayMs: number;
  /** How each step is randomised below its ceiling. */
  jitter: JitterMode;
}

/** A full policy: per class, and across classes. */
export interface RetryPolicy {
  /** Treatment of each retry class; an error is retried by its `retry` class's entry. */
  classes: Record<RetryClass, ClassPolicy>;
  /** Attempts in total across classes, the first included. */
  maxAttempts: number;
  /** Whether provider hints (Retry-After, x-amz-retry-after, "retry in N seconds") set the wait. */
  honorHints: boolean;
  /** Longest wait a hint may impose, in milliseconds (some servers send Retry-After: 60 on every 503). */
  maxHintMs: number;
}

/** Overrides merged over the defaults. */
export interface RetryPolicyOverrides {
  /**
   * Per-class overrides, merged field by field over the class's default (a class or field left
   * out keeps it).
   * @default {} (the classes of `DEFAULT_POLICY`)
   */
  classes?: Partial<Record<RetryClass, Partial<ClassPolicy>>>;
  /**
   * Attempts in total across classes, the first included. Also the `maxAttempts` of the
   * throttling, transient and conflict classes that `classes` leaves unset. `withRetry`'s own
   * `maxAttempts` wins over it.
   * @default 3
   */
  maxAttempts?: number;
  /**
   * Whether provider hints (Retry-After, x-amz-retry-after, "retry in N seconds") set the wait
   * instead of the class's backoff.
   * @default true
   */
  honorHints?: boolean;
  /**
   * Longest wait a hint may impose, in milliseconds.
   * @default 20000
   */
  maxHintMs?: number;
}

/**
 * Whether an operation may run twice. `unprocessed`: only after a failure that shows the
 * request was not acted on (a throttling, clock-skew, credentials or redirect answer, or a
 * connection that was never made), as for a call whose repetition creates something new.
 */
export type Idempotency = "idempotent" | "conditional" | "unprocessed" | "never";

/** What the adapter knows about the call, for the safety gates. */
export interface OperationDescriptor {
  /** Name for hooks and errors (`GetObject`, `put`). */
  name?: string;
  /**
   * Default `idempotent`. `never` stops after the first failure with `gaveUp: "not_idempotent"`;
   * `unprocessed` does so unless the failure shows the request was not acted on.
   */
  idempotency?: Idempotency;
  /** Default true. False stops after the first failure with `gaveUp: "body_not_replayable"`. */
  bodyReplayable?: boolean;
}

/** Time and timers, injectable so tests run on a manual clock. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /**
   * Calls `callback` after `delayMs`; returns a function that cancels it. The engine cancels
   * every timer it sets as soon as it is no longer needed, so none outlives an operation.
   */
  setTimer(callback: () => void, delayMs: number): () => void;
}

/** Handed to `fn` on each attempt. */
export interface AttemptContext {
  /** This attempt's number, 1-based: 1 for the first request, 2 for the first retry. */
  attempt: number;
  /** Aborts on the caller's abort, the deadline or this attempt's timeout. Pass it to the request. */
  signal: AbortSignal;
  /** Time this attempt may take, in milliseconds, or undefined when unbounded. */
  timeoutMs: number | undefined;
  /** Learned offset of the server's clock from ours (server minus local), in milliseconds. */
  clockOffsetMs: number;
  /** The previous attempt's error, on retries. */
  lastError: StorageError | undefined;
}

/** Passed to `onRetry` before each wait. */
export interface RetryEvent {
  /** The attempt that failed (1-based). */
  attempt: number;
  /** Wait before the next attempt, in milliseconds (the provider's hint or the class's backoff). */
  delayMs: number;
  /** The failure being retried. */
  error: StorageError;
  /** The failure's retry class, which chose the backoff. */
  retry: RetryClass;
  /** The operation's name (`options.operation.name`, else `context.operation`), or undefined. */
  operation: string | undefined;
}

/** Passed to `onGiveUp` when the loop stops on an error. */
export interface GiveUpEvent {
  /** Requests the call sent, budget probes included (the last attempt's number); 0 when none was. */
  attempt: number;
  /** The error about to be thrown, its `attempts` and `gaveUp` set. */
  error: StorageError;
  /** The error's retry class. */
  retry: RetryClass;
  /** Why the loop stopped, as the error's `gaveUp` says. */
  reason: GaveUpReason;
  /** Each failed attempt, oldest first, as the error's `attempts` says. */
  attempts: readonly AttemptRecord[];
  /** The operation's name (`options.operation.name`, else `context.operation`), or undefined. */
  operation: string | undefined;
}

/** Result of a reconciliation: the operation did land after all. */
export interface Reconciled<T> {
  /** What `withRetry` resolves with, as if the attempt that landed had answered. */
  value: T;
}

/** Options of `withRetry`. Wrong values throw a TypeError or RangeError naming the option. */
export interface RetryOptions<T = unknown> {
  /**
   * Overrides merged over `DEFAULT_POLICY`.
   * @default {} (the default policy)
   */
  policy?: RetryPolicyOverrides;
  /**
   * Shorthand for policy.maxAttempts: requests one call may send in all, retries and budget
   * probes included.
   * @default 3
   */
  maxAttempts?: number;
  /**
   * Time the whole operation may take, retries and waits included, in milliseconds.
   * @default undefined (no deadline)
   */
  deadlineMs?: number;
  /**
   * Time one attempt may take, in milliseconds (shortened to what is left of the deadline).
   * @default undefined (no limit)
   */
  attemptTimeoutMs?: number;
  /**
   * Longest time one call waits, in all, while its budget holds a down endpoint (sending
   * nothing), in milliseconds; past it the call fails with `gaveUp: "endpoint_down"`. The
   * budget's `openAfterMs` bounds the wait too.
   * @default undefined (only the budget's `openAfterMs` and the deadline bound it)
   */
  outageWaitMs?: number;
  /**
   * The caller's signal: an abort rejects at once with kind `aborted`.
   * @default undefined
   */
  signal?: AbortSignal;
  /**
   * The client's shared retry budget and circuit breaker.
   * @default undefined (no budget: only the policy bounds retries)
   */
  budget?: RetryBudget;
  /**
   * What the adapter knows about the call, for the safety gates.
   * @default { idempotency: "idempotent", bodyReplayable: true }
   */
  operation?: OperationDescriptor;
  /**
   * Passed to normalize() for every thrown value.
   * @default undefined
   */
  context?: NormalizeContext;
  /**
   * Replaces normalize() for thrown values (adapters that know their errors better).
   * @default normalize
   */
  normalize?: (error: unknown, context?: NormalizeContext) => StorageError;
  /**
   * Judges a value `fn` returned: a StorageError makes the attempt a failure (retried, reconciled
   * or surfaced like a thrown one), undefined a success. For clients that return their failures,
   * as `fetch` returns a 503 Response.
   * @default undefined (every returned value is a success)
   */
  classifyResult?: (value: T) => StorageError | undefined;
  /**
   * Called before each retry's wait.
   * @default undefined
   */
  onRetry?: (event: RetryEvent) => void;
  /**
   * Called when the loop stops on an error.
   * @default undefined
   */
  onGiveUp?: (event: GiveUpEvent) => void;
  /**
   * Where attempts, retries and give-ups are reported (`otelTelemetry()` from `bucketguard/otel`).
   * @default undefined (nothing reported but to diagnostics-channel subscribers)
   */
  telemetry?: RetryTelemetry;
  /**
   * Called once before the single `credentials` retry; without it that class is not retried.
   * @default undefined
   */
  refreshCredentials?: () => void | Promise<void>;
  /**
   * Told the learned clock offset (ms, server minus local) before the single `clock_skew` retry.
   * @default undefined
   */
  onClockSkew?: (offsetMs: number, error: StorageError) => void;
  /**
   * Asked before the single `redirect` retry; return true once the next attempt will go to the
   * right place. Without it that class is not retried.
   * @default undefined
   */
  followRedirect?: (error: StorageError) => boolean | Promise<boolean>;
  /**
   * Asked when a retried call fails in a way its own earlier attempt may have caused
   * (NoSuchUpload, 412, already exists).
   * @default undefined
   */
  reconcile?: (error: StorageError, attempt: number) => Promise<Reconciled<T> | undefined>;
  /**
   * Asked before every attempt after the first; false gives up with `budget` (Workers
   * subrequest limits).
   * @default undefined
   */
  canAttempt?: (attempt: number) => boolean;
  /**
   * Time and timers.
   * @default systemClock
   */
  clock?: Clock;
  /**
   * Uniform in [0, 1).
   * @default Math.random
   */
  random?: () => number;
}

/** The retry settings every adapter accepts and hands to the engine unchanged. */
export type RetrySettings = Pick<
  RetryOptions,
  | "policy"
  | "maxAttempts"
  | "deadlineMs"
  | "attemptTimeoutMs"
  | "outageWaitMs"
  | "budget"
  | "onRetry"
  | "onGiveUp"
  | "telemetry"
  | "clock"
  | "random"
>;
