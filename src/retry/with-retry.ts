import type { AttemptRecord, GaveUpReason, RetryClass } from "../errors/kinds.js";
import { normalize } from "../errors/normalize.js";
import { markGaveUp, type StorageError } from "../errors/storage-error.js";
import { startRecorder } from "../telemetry/start-recorder.js";
import { decide } from "./decide.js";
import { resolvePolicy } from "./default-policy.js";
import { isPossiblySelfInflicted, prepareRetry } from "./prepare-retry.js";
import { createAbortedError, createHeldError, createTimeoutError } from "./retry-errors.js";
import { createAttemptSignal, runAttempt } from "./run-attempt.js";
import { sleep } from "./sleep.js";
import { systemClock } from "./system-clock.js";
import type { AttemptContext, RetryOptions } from "./types.js";

/**
 * Runs `fn` until it succeeds or the policy says stop, and throws the last failure as a
 * {@link StorageError} carrying `attempts` and `gaveUp`. Every thrown value goes through
 * `options.normalize` (default `normalize()`). With a budget, attempts wait for the client's
 * outage hold and send-rate limiter; failures while the endpoint is held are not charged to the
 * attempt count for up to `outageWaitMs` (default 30 s). Defaults: {@link DEFAULT_POLICY}, no deadline, no attempt timeout, no budget, the system clock, `Math.random`.
 */
export async function withRetry<T>(
  fn: (ctx: AttemptContext) => Promise<T>,
  options: RetryOptions<T> = {},
): Promise<T> {
  const policy = resolvePolicy(options.policy, options.maxAttempts);
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const toError = options.normalize ?? normalize;
  const { signal, budget } = options;
  const operation = options.operation?.name ?? options.context?.operation;
  const origin = { context: options.context, operation };
  const startedAtMs = clock.now();
  const deadlineAtMs =
    options.deadlineMs === undefined ? undefined : startedAtMs + options.deadlineMs;
  const outageWaitMs = options.outageWaitMs ?? DEFAULT_OUTAGE_WAIT_MS;
  let chargedAttempts = 0;
  const attempts: AttemptRecord[] = [];
  const classFailures = new Map<RetryClass, number>();
  const previousDelayMs = new Map<RetryClass, number>();
  let clockOffsetMs = 0;
  let lastError: StorageError | undefined;
  const recorder = startRecorder(options, operation);

  const giveUp = (error: StorageError, reason: GaveUpReason, attempt: number): never => {
    markGaveUp(error, attempts.slice(), reason);
    const event = {
      attempt,
      error,
      retry: error.retry,
      reason,
      attempts: error.attempts ?? [],
      operation,
    };
    callHook(() => options.onGiveUp?.(event));
    recorder?.giveUp(event);
    throw error;
  };
  const record = (attempt: number, error: StorageError, delayMs: number): void => {
    attempts.push({ attempt, kind: error.kind, code: error.code, status: error.status, delayMs });
  };
  const wait = async (delayMs: number, attempt: number): Promise<void> => {
    try {
      await sleep(clock, delayMs, signal);
    } catch (reason) {
      return giveUp(createAbortedError(origin, reason), "aborted", attempt);
    }
  };

  if (signal?.aborted) return giveUp(createAbortedError(origin, signal.reason), "aborted", 0);

  for (let attempt = 1; ; attempt++) {
    // Outage hold (first attempts included), never past the deadline.
    for (
      let holdMs = budget?.holdMs(clock.now()) ?? 0;
      holdMs > 0;
      holdMs = budget?.holdMs(clock.now()) ?? 0
    ) {
      if (deadlineAtMs !== undefined && clock.now() + holdMs >= deadlineAtMs) {
        return giveUp(lastError ?? createHeldError(origin), "deadline", attempt - 1);
      }
      await wait(holdMs, attempt - 1);
    }
    if (lastError && options.canAttempt && !options.canAttempt(attempt)) {
      return giveUp(lastError, "budget", attempt - 1);
    }
    const sendWaitMs = budget?.reserveSendMs?.(clock.now()) ?? 0;
    if (sendWaitMs > 0) {
      if (deadlineAtMs !== undefined && clock.now() + sendWaitMs >= deadlineAtMs) {
        return giveUp(lastError ?? createHeldError(origin), "deadline", attempt - 1);
      }
      await wait(sendWaitMs, attempt - 1);
    }

    const remainingMs = deadlineAtMs === undefined ? undefined : deadlineAtMs - clock.now();
    const timeoutMs = minDefined(options.attemptTimeoutMs, remainingMs);
    const attemptSignal = createAttemptSignal(clock, signal, timeoutMs);
    const ctx: AttemptContext = {
      attempt,
      signal: attemptSignal.signal,
      timeoutMs,
      clockOffsetMs,
      lastError,
    };
    const run = () => fn(ctx);
    const outcome = await runAttempt(
      recorder ? () => recorder.within(run) : run,
      attemptSignal,
      signal,
    );
    if (outcome.ok) {
      budget?.recordOutcome(true, lastError?.retry, clock.now());
      recorder?.success({ attempt, operation, reconciled: false });
      return outcome.value;
    }

    let error: StorageError;
    if (outcome.callerAborted) error = createAbortedError(origin, outcome.thrown);
    else if (outcome.timedOut) error = createTimeoutError(origin, timeoutMs ?? 0, outcome.thrown);
    else error = toError(outcome.thrown, options.context);
    lastError = error;
    // A cancelled attempt says nothing about the endpoint's health.
    // A failure of an attempt sent while the endpoint was already down (a probe of the outage
    // hold) is not charged to this operation: the hold paces it, up to `outageWaitMs`.
    const held =
      budget?.isDown === true &&
      (error.retry === "transient" || error.retry === "throttling") &&
      clock.now() - startedAtMs < outageWaitMs;
    if (!outcome.callerAborted) budget?.recordOutcome(false, error.retry, clock.now());
    if (!held) chargedAttempts++;

    if (attempt > 1 && options.reconcile && isPossiblySelfInflicted(error)) {
      const reconciled = await options.reconcile(error, attempt).catch(() => undefined);
      if (reconciled) {
        recorder?.success({ attempt, operation, reconciled: true });
        return reconciled.value;
      }
    }

    const failures = (classFailures.get(error.retry) ?? 0) + (held ? 0 : 1);
    classFailures.set(error.retry, failures);
    const decision = decide({
      error,
      attempt: Math.max(1, chargedAttempts),
      classFailures: Math.max(1, failures),
      policy,
      operation: options.operation,
      nowMs: clock.now(),
      deadlineAtMs,
      previousDelayMs: previousDelayMs.get(error.retry),
      canRefreshCredentials: options.refreshCredentials !== undefined,
      random,
    });
    if (!decision.retry) {
      record(attempt, error, 0);
      return giveUp(error, outcome.callerAborted ? "aborted" : decision.reason, attempt);
    }
    if (budget && !held && !budget.tryAcquire(error.retry)) {
      record(attempt, error, 0);
      return giveUp(error, "budget", attempt);
    }
    const preparation = await prepareRetry(error, options, clock.now());
    if (!preparation.proceed) {
      record(attempt, error, 0);
      return giveUp(error, "not_retryable", attempt);
    }
    clockOffsetMs = preparation.clockOffsetMs ?? clockOffsetMs;
    previousDelayMs.set(error.retry, decision.delayMs);
    record(attempt, error, decision.delayMs);
    const event = { attempt, delayMs: decision.delayMs, error, retry: error.retry, operation };
    callHook(() => options.onRetry?.(event));
    recorder?.retry(event);
    await wait(decision.delayMs, attempt);
  }
}

/** How long an operation's failures during an outage hold go uncharged, in milliseconds. */
const DEFAULT_OUTAGE_WAIT_MS = 30_000;

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.min(a, b);
}

function callHook(hook: () => void): void {
  try {
    hook();
  } catch {
    // Hooks are for logging and metrics: their failures must not change the outcome.
  }
}
