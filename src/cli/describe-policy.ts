import { DEFAULT_SDK_MAX_ATTEMPTS } from "../adapters/aws-sdk/default-max-attempts.js";
import type { StorageError } from "../errors/storage-error.js";
import { computeDelayMs } from "../retry/compute-delay.js";
import { DEFAULT_POLICY, FOLLOWS_TOTAL } from "../retry/default-policy.js";
import type { RetryPolicy } from "../retry/types.js";

/** What the default policy does with an error, for people. */
export interface PolicyExplanation {
  /** Whether the default policy retries it (under the conditions given). */
  retried: boolean;
  /** One line: retried or not, and how often. */
  summary: string;
  /** The wait before each retry, as a range (`retry 1: 0–1000 ms`). */
  delays: readonly string[];
  /** How provider hints (Retry-After, "retry in N seconds") are treated, when they apply. */
  hints: string | undefined;
  /** What must hold for the retry to happen. */
  conditions: string;
}

const CONDITIONS: Record<StorageError["retry"], string> = {
  throttling:
    "retried where repeating is safe, or when the server refused the request before acting on it; feeds the send-rate limiter",
  transient:
    "retried only where repeating is safe (GET, HEAD, LIST, DELETE, PUT or UploadPart of a body that can be sent again, conditional writes)",
  conflict: "retried where repeating is safe; contention that clears",
  clock_skew: "retried once, after learning the server's clock offset",
  credentials:
    "retried once, only with a credentials refresher (the AWS SDK plugin uses the client's credential provider)",
  redirect:
    "retried once, only where the adapter can follow (the AWS SDK plugin re-targets the region)",
  never: "repeating cannot help",
};

/** Explains what `policy` (default {@link DEFAULT_POLICY}) does with `error`. */
export function describePolicy(
  error: StorageError,
  policy: RetryPolicy = DEFAULT_POLICY,
): PolicyExplanation {
  if (error.kind === "aborted") {
    return {
      retried: false,
      summary: "not retried: the caller cancelled",
      delays: [],
      hints: undefined,
      conditions: "an abort from the caller's own signal ends the operation at once",
    };
  }
  const classPolicy = policy.classes[error.retry];
  const attempts = Math.min(classPolicy.maxAttempts, policy.maxAttempts);
  if (attempts <= 1) {
    return {
      retried: false,
      summary: "not retried",
      delays: [],
      hints: undefined,
      conditions: CONDITIONS[error.retry],
    };
  }
  const plugin = FOLLOWS_TOTAL.has(error.retry)
    ? ` (${DEFAULT_SDK_MAX_ATTEMPTS} with the AWS SDK plugin)`
    : "";
  const delays: string[] = [];
  for (let retry = 1; retry < attempts; retry++) {
    const input = { ...classPolicy, retryNumber: retry };
    const lowMs = computeDelayMs({ ...input, random: () => 0 });
    const highMs = computeDelayMs({ ...input, random: () => 1 });
    const range = lowMs === highMs ? `${lowMs} ms` : `${lowMs}–${highMs} ms`;
    delays.push(`retry ${retry}: ${range} (${classPolicy.jitter} jitter)`);
  }
  return {
    retried: true,
    summary: `retried: up to ${attempts} attempts in all${plugin}`,
    delays,
    hints: describeHints(error, policy),
    conditions: CONDITIONS[error.retry],
  };
}

function describeHints(error: StorageError, policy: RetryPolicy): string | undefined {
  if (!policy.honorHints) return "provider hints are ignored";
  const capS = policy.maxHintMs / 1000;
  const hintMs = error.retryAfterMs;
  if (hintMs !== undefined && Number.isFinite(hintMs) && hintMs >= 0) {
    const waitMs = Math.min(Math.ceil(hintMs), policy.maxHintMs);
    return `the server hinted ${Math.ceil(hintMs)} ms: the retry waits ${waitMs} ms (hints are honoured up to ${capS} s)`;
  }
  if (error.retry === "throttling" || error.retry === "transient") {
    return `Retry-After, x-amz-retry-after and "retry in N seconds" are honoured up to ${capS} s`;
  }
  return undefined;
}
