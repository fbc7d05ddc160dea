import { StorageError } from "../../src/errors/storage-error.js";

/** A simulated server: answers one request at `nowMs` with a result after `latencyMs`. */
export interface FailureModel {
  name: string;
  /** Decides the answer when the request arrives; `release` is called when it completes. */
  arrive(nowMs: number, random: () => number): { error?: StorageError; latencyMs: number };
  release?(): void;
}

const internalError = () =>
  new StorageError({
    kind: "server_error",
    code: "InternalError",
    message: "We encountered an internal error.",
    retry: "transient",
    provider: "aws",
    status: 500,
  });
const refused = () =>
  new StorageError({
    kind: "network",
    code: "ECONNREFUSED",
    message: "connect ECONNREFUSED",
    retry: "transient",
    provider: "aws",
  });
const slowDown = () =>
  new StorageError({
    kind: "throttled",
    code: "SlowDown",
    message: "Please reduce your request rate.",
    retry: "throttling",
    provider: "aws",
    status: 503,
  });

/** Every request fails independently with probability `rate` (500 InternalError); 20 ms each. */
export function independentFaults(rate: number): FailureModel {
  return {
    name: `independent ${Math.round(rate * 100)}% faults`,
    arrive: (_nowMs, random) =>
      random() < rate ? { error: internalError(), latencyMs: 20 } : { latencyMs: 20 },
  };
}

/** The endpoint refuses connections (2 ms) from `startMs` for `durationMs`; 20 ms answers otherwise. */
export function outage(startMs: number, durationMs: number): FailureModel {
  return {
    name: `${durationMs / 1000} s outage`,
    arrive: (nowMs) =>
      nowMs >= startMs && nowMs < startMs + durationMs
        ? { error: refused(), latencyMs: 2 }
        : { latencyMs: 20 },
  };
}

/** A server serving `capacity` requests at once (50 ms each) and answering SlowDown (5 ms) beyond it. */
export function overloaded(capacity: number): FailureModel {
  let inFlight = 0;
  return {
    name: `overloaded (capacity ${capacity})`,
    arrive() {
      if (inFlight >= capacity) return { error: slowDown(), latencyMs: 5 };
      inFlight++;
      return { latencyMs: 50 };
    },
    release() {
      inFlight--;
    },
  };
}

/** A pause of the process serving the answers: answers due inside one arrive at its end. */
export interface Pauses {
  everyMs: number;
  forMs: number;
}

/**
 * A server serving `requestsPerSecond` (a token bucket holding a tenth of a second's worth) and
 * answering SlowDown (1 to 2 ms) beyond it; answers take 3 to 9 ms. With `pauses`, a pause of
 * `forMs` starts halfway through every `everyMs` (a process that stops for a while, as on a busy
 * machine), and the answers due inside it arrive at its end.
 */
export function rateCapped(requestsPerSecond: number, pauses?: Pauses): FailureModel {
  const burst = requestsPerSecond / 10;
  let tokens = burst;
  let refilledAtMs = 0;
  const delivered = (dueMs: number): number => {
    if (!pauses) return dueMs;
    const startMs = Math.floor(dueMs / pauses.everyMs) * pauses.everyMs + pauses.everyMs / 2;
    return dueMs >= startMs && dueMs < startMs + pauses.forMs ? startMs + pauses.forMs : dueMs;
  };
  return {
    name: `rate-capped (${requestsPerSecond} requests/s)`,
    arrive(nowMs, random) {
      tokens = Math.min(burst, tokens + ((nowMs - refilledAtMs) / 1000) * requestsPerSecond);
      refilledAtMs = nowMs;
      if (tokens < 1) {
        return { error: slowDown(), latencyMs: delivered(nowMs + 1 + random()) - nowMs };
      }
      tokens -= 1;
      return { latencyMs: delivered(nowMs + 3 + 6 * random()) - nowMs };
    },
  };
}
