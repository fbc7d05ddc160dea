import type { NormalizeContext } from "../errors/context.js";
import type { AttemptRecord, GaveUpReason, RetryClass } from "../errors/kinds.js";
import type { StorageError } from "../errors/storage-error.js";
import type { RetryTelemetry } from "./telemetry.js";

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
  jitter: JitterMode;
}

/** A full policy: per class, and across classes. */
export interface RetryPolicy {
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
  classes?: Partial<Record<RetryClass, Partial<ClassPolicy>>>;
  maxAttempts?: number;
  honorHints?: boolean;
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
  /** 1-based. */
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
  delayMs: number;
  error: StorageError;
  retry: RetryClass;
  operation: string | undefined;
}

/** Passed to `onGiveUp` when the loop stops on an error. */
export interface GiveUpEvent {
  attempt: number;
  error: StorageError;
  retry: RetryClass;
  reason: GaveUpReason;
  attempts: readonly AttemptRecord[];
  operation: string | undefined;
}

/** A shared token bucket plus outage detector; one per client. */
export interface RetryBudget {
  /** Takes the cost of one retry of this class; false when the budget is spent. */
  tryAcquire(retry: RetryClass): boolean;
  /**
   * Records an attempt's success (refills) or failure (feeds outage detection); with `nowMs`
   * (milliseconds since the epoch) it also feeds the send-rate limiter.
   */
  recordOutcome(ok: boolean, retry?: RetryClass, nowMs?: number): void;
  /** Milliseconds new attempts should wait because the endpoint looks down (0 when healthy). */
  holdMs(nowMs: number): number;
  /** Reserves a send slot from the rate limiter; milliseconds to wait for it (0 while it is off). */
  reserveSendMs?(nowMs: number): number;
  /** Whether the endpoint looks down (an outage hold is on); reading it has no side effect. */
  readonly isDown?: boolean;
  /** Tokens left. */
  readonly available: number;
}

/** Result of a reconciliation: the operation did land after all. */
export interface Reconciled<T> {
  value: T;
}

/** Options of `withRetry`. */
export interface RetryOptions<T = unknown> {
  policy?: RetryPolicyOverrides;
  /** Shorthand for policy.maxAttempts. */
  maxAttempts?: number;
  /** Time the whole operation may take, retries included, in milliseconds. */
  deadlineMs?: number;
  /** Time one attempt may take, in milliseconds (shortened to what is left of the deadline). */
  attemptTimeoutMs?: number;
  /**
   * How long, from the operation's start, failures during a budget's outage hold are not charged
   * to the attempt count (the hold paces them), in milliseconds. Default 30 000.
   */
  outageWaitMs?: number;
  /** The caller's signal: an abort rejects at once with kind `aborted`. */
  signal?: AbortSignal;
  budget?: RetryBudget;
  operation?: OperationDescriptor;
  /** Passed to normalize() for every thrown value. */
  context?: NormalizeContext;
  /** Replaces normalize() for thrown values (adapters that know their errors better). */
  normalize?: (error: unknown, context?: NormalizeContext) => StorageError;
  onRetry?: (event: RetryEvent) => void;
  onGiveUp?: (event: GiveUpEvent) => void;
  /** Where attempts, retries and give-ups are reported (`otelTelemetry()` from `bucketguard/otel`). */
  telemetry?: RetryTelemetry;
  /** Called once before the single `credentials` retry; without it that class is not retried. */
  refreshCredentials?: () => void | Promise<void>;
  /** Told the learned clock offset (ms, server minus local) before the single `clock_skew` retry. */
  onClockSkew?: (offsetMs: number, error: StorageError) => void;
  /** Asked before the single `redirect` retry; return true once the next attempt will go to the right place. */
  followRedirect?: (error: StorageError) => boolean | Promise<boolean>;
  /** Asked when a retried call fails in a way its own earlier attempt may have caused (NoSuchUpload, 412). */
  reconcile?: (error: StorageError, attempt: number) => Promise<Reconciled<T> | undefined>;
  /** Asked before every attempt after the first; false gives up with `budget` (Workers subrequest limits). */
  canAttempt?: (attempt: number) => boolean;
  clock?: Clock;
  /** Uniform in [0, 1). */
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
