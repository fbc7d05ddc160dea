import { describe, expect, it } from "vitest";
import { type DecideInput, decide } from "../../src/retry/decide.js";
import { resolvePolicy } from "../../src/retry/default-policy.js";
import { failure } from "./helpers.js";

const base = (over: Partial<DecideInput>): DecideInput => ({
  error: failure("transient"),
  attempt: 1,
  classFailures: 1,
  policy: resolvePolicy(),
  nowMs: 1000,
  canRefreshCredentials: false,
  random: () => 0.5,
  ...over,
});

describe("decide", () => {
  it("retries transient errors with full jitter from 50 ms", () => {
    expect(decide(base({}))).toEqual({ retry: true, delayMs: 25 });
    expect(decide(base({ attempt: 2, classFailures: 2 }))).toEqual({ retry: true, delayMs: 50 });
  });

  it("backs throttling off from 1 s", () => {
    expect(decide(base({ error: failure("throttling") }))).toEqual({ retry: true, delayMs: 500 });
  });

  it("does not retry the never class, aborts or credentials without a refresher", () => {
    expect(decide(base({ error: failure("never") }))).toEqual({
      retry: false,
      reason: "not_retryable",
    });
    const aborted = failure("never", { kind: "aborted", code: "AbortError" });
    expect(decide(base({ error: aborted }))).toEqual({ retry: false, reason: "aborted" });
    expect(decide(base({ error: failure("credentials") }))).toEqual({
      retry: false,
      reason: "not_retryable",
    });
    expect(decide(base({ error: failure("credentials"), canRefreshCredentials: true }))).toEqual({
      retry: true,
      delayMs: 0,
    });
  });

  it("applies the safety gates to retryable errors only", () => {
    const never = { idempotency: "never" } as const;
    expect(decide(base({ operation: never }))).toEqual({ retry: false, reason: "not_idempotent" });
    expect(decide(base({ operation: { bodyReplayable: false } }))).toEqual({
      retry: false,
      reason: "body_not_replayable",
    });
    expect(decide(base({ operation: never, error: failure("never") }))).toEqual({
      retry: false,
      reason: "not_retryable",
    });
    expect(decide(base({ operation: { idempotency: "conditional" } })).retry).toBe(true);
  });

  it("repeats an `unprocessed` operation only after a failure that shows it was not acted on", () => {
    const operation = { idempotency: "unprocessed" } as const;
    const refused = (code: string) => failure("transient", { kind: "network", code });
    expect(decide(base({ operation, error: failure("throttling") })).retry).toBe(true);
    expect(decide(base({ operation, error: refused("ECONNREFUSED") })).retry).toBe(true);
    expect(decide(base({ operation, error: refused("ENOTFOUND") })).retry).toBe(true);
    expect(decide(base({ operation, error: refused("ECONNRESET") }))).toEqual({
      retry: false,
      reason: "not_idempotent",
    });
    expect(decide(base({ operation }))).toEqual({ retry: false, reason: "not_idempotent" });
  });

  it("caps attempts per class and in total", () => {
    expect(decide(base({ attempt: 3, classFailures: 3 }))).toEqual({
      retry: false,
      reason: "max_attempts",
    });
    expect(decide(base({ error: failure("clock_skew"), classFailures: 2, attempt: 2 }))).toEqual({
      retry: false,
      reason: "max_attempts",
    });
    const policy = resolvePolicy({ classes: { transient: { maxAttempts: 10 } } }, 2);
    expect(decide(base({ policy, attempt: 2, classFailures: 2 }))).toEqual({
      retry: false,
      reason: "max_attempts",
    });
  });

  it("honours hints, capped by maxHintMs, and ignores them when told", () => {
    const hinted = failure("throttling", { retryAfterMs: 4000 });
    expect(decide(base({ error: hinted }))).toEqual({ retry: true, delayMs: 4000 });
    const huge = failure("throttling", { retryAfterMs: 60_000 });
    expect(decide(base({ error: huge }))).toEqual({ retry: true, delayMs: 20_000 });
    const capped = resolvePolicy({ maxHintMs: 5000 });
    expect(decide(base({ error: huge, policy: capped }))).toEqual({ retry: true, delayMs: 5000 });
    const ignoring = resolvePolicy({ honorHints: false });
    expect(decide(base({ error: hinted, policy: ignoring }))).toEqual({
      retry: true,
      delayMs: 500,
    });
  });

  it("gives up with deadline rather than sleeping past it", () => {
    const hinted = failure("throttling", { retryAfterMs: 4000 });
    expect(decide(base({ error: hinted, deadlineAtMs: 4999 }))).toEqual({
      retry: false,
      reason: "deadline",
    });
    expect(decide(base({ error: hinted, deadlineAtMs: 5001 }))).toEqual({
      retry: true,
      delayMs: 4000,
    });
  });

  it("uses decorrelated jitter's previous delay", () => {
    const policy = resolvePolicy({
      classes: { transient: { jitter: "decorrelated", baseDelayMs: 100 } },
    });
    const first = decide(base({ policy }));
    expect(first).toEqual({ retry: true, delayMs: 200 });
    expect(decide(base({ policy, attempt: 2, classFailures: 2, previousDelayMs: 200 }))).toEqual({
      retry: true,
      delayMs: 350,
    });
  });
});
