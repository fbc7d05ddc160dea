import type { GaveUpReason } from "../errors/kinds.js";
import type { StorageError } from "../errors/storage-error.js";
import { computeDelayMs } from "./compute-delay.js";
import type { OperationDescriptor, RetryPolicy } from "./types.js";

/** Inputs of {@link decide}: everything the decision depends on, clock and randomness included. */
export interface DecideInput {
  /** The failure to judge: its kind, retry class, code and `retryAfterMs` hint decide. */
  error: StorageError;
  /** Attempts made so far, the failed one included. */
  attempt: number;
  /** Failures of `error.retry`'s class so far, this one included. */
  classFailures: number;
  /** The resolved policy (see `resolvePolicy`): class caps, backoff, hint handling. */
  policy: RetryPolicy;
  /** The call's safety gates (idempotency, replayable body); undefined means idempotent and replayable. */
  operation?: OperationDescriptor | undefined;
  /** The current time (ms since epoch), compared with `deadlineAtMs`. */
  nowMs: number;
  /** When the whole operation must end (ms since epoch), or undefined. */
  deadlineAtMs?: number | undefined;
  /** The previous delay of this class, in milliseconds, for decorrelated jitter. */
  previousDelayMs?: number | undefined;
  /** Whether a credentials refresher is configured (the `credentials` class needs one). */
  canRefreshCredentials: boolean;
  /** Uniform in [0, 1), for the jitter. */
  random: () => number;
}

/** What {@link decide} answers: wait `delayMs` then retry, or give up for `reason`. */
export type Decision =
  | {
      /** Retry. */
      retry: true;
      /** Wait before the next attempt, in whole milliseconds. */
      delayMs: number;
    }
  | {
      /** Give up: the failure is surfaced. */
      retry: false;
      /** Why, as the error's `gaveUp` will say. */
      reason: GaveUpReason;
    };

/**
 * The retry decision, pure. In order: aborted errors stop; the `never` class and `credentials`
 * without a refresher are not retryable; then the operation's safety gates; then the class's
 * and the total attempt caps; then the delay (the provider's hint when the policy honours hints,
 * capped by `maxHintMs`, else the class's backoff); a delay that would reach the deadline gives
 * up with `deadline` instead of sleeping past it.
 */
export function decide(input: DecideInput): Decision {
  const { error, policy } = input;
  if (error.kind === "aborted") return { retry: false, reason: "aborted" };
  if (error.retry === "never") return { retry: false, reason: "not_retryable" };
  if (error.retry === "credentials" && !input.canRefreshCredentials) {
    return { retry: false, reason: "not_retryable" };
  }
  const idempotency = input.operation?.idempotency;
  if (idempotency === "never" || (idempotency === "unprocessed" && !wasNotProcessed(error))) {
    return { retry: false, reason: "not_idempotent" };
  }
  if (input.operation?.bodyReplayable === false) {
    return { retry: false, reason: "body_not_replayable" };
  }
  const classPolicy = policy.classes[error.retry];
  if (input.classFailures >= classPolicy.maxAttempts || input.attempt >= policy.maxAttempts) {
    return { retry: false, reason: "max_attempts" };
  }
  const delayMs = chooseDelayMs(input);
  if (input.deadlineAtMs !== undefined && input.nowMs + delayMs >= input.deadlineAtMs) {
    return { retry: false, reason: "deadline" };
  }
  return { retry: true, delayMs };
}

function chooseDelayMs(input: DecideInput): number {
  const { error, policy } = input;
  const hintMs = error.retryAfterMs;
  if (policy.honorHints && hintMs !== undefined && Number.isFinite(hintMs) && hintMs >= 0) {
    return Math.min(Math.ceil(hintMs), policy.maxHintMs);
  }
  // The class's jitter, base and max delays.
  return computeDelayMs({
    ...policy.classes[error.retry],
    retryNumber: input.classFailures,
    previousDelayMs: input.previousDelayMs,
    random: input.random,
  });
}

// Answers given before the request is acted on, and connections that were never made.
const REJECTED_CLASSES: ReadonlySet<string> = new Set([
  "throttling",
  "clock_skew",
  "credentials",
  "redirect",
]);
const NEVER_CONNECTED: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
]);

function wasNotProcessed(error: DecideInput["error"]): boolean {
  return REJECTED_CLASSES.has(error.retry) || NEVER_CONNECTED.has(error.code);
}
