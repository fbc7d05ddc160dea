// Runs inside the runtime under test (Chromium, Deno): web APIs only, results as plain JSON.
import { guardFetch } from "../../src/adapters/fetch/index.js";
import {
  type Clock,
  createManualClock,
  type GiveUpEvent,
  normalize,
  normalizeResponse,
  type RetryEvent,
} from "../../src/index.js";

/** One retry the engine decided on. */
export interface RetrySeen {
  attempt: number;
  delayMs: number;
  kind: string;
  code: string | undefined;
  retry: string;
  provider: string;
  requestId: string | undefined;
  retryAfterMs: number | undefined;
}

/** A thrown value, with what normalize() made of it. */
export interface ThrownSeen {
  name: string;
  message: string;
  kind: string;
  retry: string;
  code: string | undefined;
}

/** How one guarded request ended. */
export interface Outcome {
  status?: number;
  body?: string;
  /** The ETag as the code sees it: null when CORS hides it. */
  etag?: string | null;
  thrown?: ThrownSeen;
  retries: RetrySeen[];
  gaveUp?: string;
}

/** A clock whose timers fire on the next macrotask, moving time on: nothing really waits. */
function instantClock(): Clock {
  let nowMs = 0;
  return {
    now: () => nowMs,
    setTimer(callback, delayMs) {
      // Timers of 10 s and more are stall limits, not waits: the servers here answer at once.
      if (delayMs >= 10_000) return () => {};
      const handle = setTimeout(() => {
        nowMs += delayMs;
        callback();
      }, 0);
      return () => clearTimeout(handle);
    },
  };
}

export function describeThrown(value: unknown): ThrownSeen {
  const error = normalize(value);
  const raw = value as { name?: unknown; message?: unknown };
  return {
    name: String(raw?.name),
    message: String(raw?.message),
    kind: error.kind,
    retry: error.retry,
    code: error.code,
  };
}

function recorder() {
  const retries: RetrySeen[] = [];
  let gaveUp: string | undefined;
  return {
    retries,
    gaveUp: () => gaveUp,
    onRetry: ({ attempt, delayMs, error }: RetryEvent) => {
      const { kind, code, retry, provider, requestId, retryAfterMs } = error;
      retries.push({ attempt, delayMs, kind, code, retry, provider, requestId, retryAfterMs });
    },
    onGiveUp: (event: GiveUpEvent) => {
      gaveUp = event.reason;
    },
  };
}

async function settle(
  run: () => Promise<Response>,
  seen: ReturnType<typeof recorder>,
): Promise<Outcome> {
  try {
    const response = await run();
    const body = await response.text();
    const etag = response.headers.get("etag");
    const gaveUp = seen.gaveUp();
    return {
      status: response.status,
      body,
      etag,
      retries: seen.retries,
      ...(gaveUp && { gaveUp }),
    };
  } catch (error) {
    const gaveUp = seen.gaveUp();
    return { thrown: describeThrown(error), retries: seen.retries, ...(gaveUp && { gaveUp }) };
  }
}

/** A GET through guardFetch on an instant clock; `random` fixed so waits are reproducible. */
export function guardedGet(url: string, maxAttempts = 3): Promise<Outcome> {
  const seen = recorder();
  const guarded = guardFetch(undefined, {
    maxAttempts,
    clock: instantClock(),
    random: () => 0.5,
    onRetry: seen.onRetry,
    onGiveUp: seen.onGiveUp,
  });
  return settle(() => guarded(url), seen);
}

/** What the runtime's own fetch throws for `url`, normalized. */
export async function rawFetchFailure(url: string): Promise<ThrownSeen | undefined> {
  try {
    const response = await fetch(url);
    await response.body?.cancel();
    return undefined;
  } catch (error) {
    return describeThrown(error);
  }
}

/** A guarded GET aborted by the caller while it waits out the first backoff (manual clock). */
export async function abortDuringBackoff(
  url: string,
): Promise<Outcome & { pendingTimers: number }> {
  const clock = createManualClock(0);
  const controller = new AbortController();
  const seen = recorder();
  const guarded = guardFetch(undefined, {
    maxAttempts: 5,
    clock,
    onRetry: (event) => {
      seen.onRetry(event);
      controller.abort();
    },
    onGiveUp: seen.onGiveUp,
  });
  const outcome = await settle(() => guarded(url, { signal: controller.signal }), seen);
  return { ...outcome, pendingTimers: clock.pending };
}

/** A guarded GET to be aborted while its request is in flight: `abort()` then `outcome`. */
export function startAbortableGet(url: string): { abort(): void; outcome: Promise<Outcome> } {
  const controller = new AbortController();
  const seen = recorder();
  const guarded = guardFetch(undefined, {
    maxAttempts: 5,
    clock: instantClock(),
    onRetry: seen.onRetry,
    onGiveUp: seen.onGiveUp,
  });
  const outcome = settle(() => guarded(url, { signal: controller.signal }), seen);
  return { abort: () => controller.abort(), outcome };
}

/** normalizeResponse on a SlowDown answer built in the runtime: the core's tables load. */
export function normalizeSlowDown(): {
  kind: string;
  retry: string;
  code: string | undefined;
  requestId: string | undefined;
  retryAfterMs: number | undefined;
} {
  const body = new TextEncoder().encode(
    "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>R1</RequestId></Error>",
  );
  const headers = new Headers({ "x-amz-request-id": "R1", "retry-after": "2" });
  const error = normalizeResponse({ status: 503, statusText: "Slow Down", headers, body });
  const { kind, retry, code, requestId, retryAfterMs } = error;
  return { kind, retry, code, requestId, retryAfterMs };
}
