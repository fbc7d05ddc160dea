import type { ErrorName } from "./dialects.js";

/** What the proxy does to one request. */
export type Fault =
  /** Destroys the connection before any response byte. */
  | { type: "reset" }
  /** Forwards, then sends the headers (full Content-Length) and part of the body, then destroys. */
  | { type: "truncate" /** Share of the body sent, default 0.5. */; keepFraction?: number }
  /** Answers an error in the proxy's dialect; `retryAfterS` adds a Retry-After header. */
  | { type: "error"; error: ErrorName; retryAfterS?: number }
  /** Answers 403 RequestTimeTooSkewed with a Date header `skewMs` ahead (default 20 min). */
  | { type: "clock-skew"; skewMs?: number }
  /**
   * Forwards, then sends the headers (full Content-Length) and part of the body, then nothing
   * more: the connection stays open and silent until the client gives up. `headers: false`
   * sends nothing at all (a response that never comes).
   */
  | {
      type: "stall" /** Share of the body sent, default 0.5. */;
      keepFraction?: number;
      headers?: boolean;
    }
  /**
   * Forwards the request and lets the server finish it, then destroys the client's connection:
   * the write landed, and its answer was lost on the way back.
   */
  | { type: "lost-answer" }
  /** Waits `delayMs` (real time), then forwards. */
  | { type: "delay"; delayMs: number }
  /** CompleteMultipartUpload only: answers 200 with an `<Error>` body (InternalError). */
  | { type: "complete-200-error" };

/** The request a fault is chosen for. */
export interface FaultRequest {
  method: string;
  /** Path without the query, `/bucket/key`. */
  path: string;
  /** Raw query string without `?`, may be empty. */
  query: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** 1-based sequence number of the request since the proxy started. */
  n: number;
}

/** "The next `count` requests matching method and path get `fault`." */
export interface ScriptedFault {
  method?: string;
  path?: string;
  count: number;
  fault: Fault;
}

/** A seeded random fault mix: each request draws once, `rate` is a probability in [0, 1]. */
export interface RandomFaults {
  seed: number;
  faults: readonly { fault: Fault; rate: number }[];
  /** Requests the mix applies to; default all. */
  match?: (req: FaultRequest) => boolean;
}

/** What the proxy injects; checked in this order: outage, capacity, script, pick, random. */
export interface FaultPlan {
  /** Every request in [fromMs, toMs) after the plan was set gets `error` (default `unavailable`, 503). */
  outage?: { fromMs: number; toMs: number; error?: ErrorName };
  /** Token bucket of `requestsPerSecond`, holding up to `burst` (default rps / 10, at least 1); beyond it SlowDown. */
  capacity?: { requestsPerSecond: number; burst?: number };
  script?: readonly ScriptedFault[];
  pick?: (req: FaultRequest, n: number) => Fault | undefined;
  random?: RandomFaults;
  /** Server clock ahead of ours by this much (ms): Date headers say so, and requests signed more than 15 min off get RequestTimeTooSkewed. */
  serverClockSkewMs?: number;
  /** Answer PutObject with `If-None-Match: *` on an existing key with 412 (s3rver ignores the header). Default true. */
  enforceIfNoneMatch?: boolean;
}

/** Whether `fault` can apply to `req` (a 200-with-error only answers CompleteMultipartUpload). */
export function isApplicable(fault: Fault, req: FaultRequest): boolean {
  if (fault.type !== "complete-200-error") return true;
  return req.method === "POST" && /(^|&)uploadId=/.test(req.query);
}
