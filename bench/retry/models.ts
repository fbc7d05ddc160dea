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
