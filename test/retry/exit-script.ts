// Run by process-exit.test.ts in a child Node: each scenario must let the process exit by itself.
import { StorageError } from "../../src/errors/storage-error.js";
import { withRetry } from "../../src/retry/index.js";

const TEN_MINUTES_MS = 600_000;
const slowDown = new StorageError({
  kind: "throttled",
  code: "SlowDown",
  message: "Please reduce your request rate.",
  retry: "throttling",
  provider: "aws",
  retryAfterMs: TEN_MINUTES_MS,
});
const noSuchKey = new StorageError({
  kind: "not_found",
  code: "NoSuchKey",
  message: "The specified key does not exist.",
  retry: "never",
  provider: "aws",
});

const scenario = process.argv[2];
if (scenario === "abort-mid-backoff") {
  const controller = new AbortController();
  const running = withRetry(
    async () => {
      throw slowDown;
    },
    {
      signal: controller.signal,
      policy: { maxHintMs: TEN_MINUTES_MS },
      onRetry: () => controller.abort(),
    },
  );
  running.catch((error: StorageError) => console.log(`gaveUp=${error.gaveUp}`));
} else if (scenario === "give-up") {
  withRetry(
    async () => {
      throw noSuchKey;
    },
    { attemptTimeoutMs: TEN_MINUTES_MS, deadlineMs: TEN_MINUTES_MS },
  ).catch((error: StorageError) => console.log(`gaveUp=${error.gaveUp}`));
} else {
  console.log(`unknown scenario ${scenario}`);
}
