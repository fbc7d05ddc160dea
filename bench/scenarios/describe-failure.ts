import { normalize } from "../../src/index.js";

/** Why one operation failed, in the terms a user can act on. */
export interface FailureDetail {
  /** What was attempted (`GetObject demo/small-5`). */
  operation: string;
  kind: string;
  code: string;
  /** Why bucketguard stopped retrying (`max_attempts`, `budget`, ...); undefined for other clients. */
  gaveUp: string | undefined;
  /** Requests sent for the operation, when the client reports it (`$metadata.attempts`). */
  attempts: number | undefined;
  /** Each failed attempt's kind and status, oldest first (bucketguard only). */
  history: string[];
}

function metadataAttempts(error: unknown): number | undefined {
  const metadata = (error as { $metadata?: { attempts?: unknown } } | null)?.$metadata;
  return typeof metadata?.attempts === "number" ? metadata.attempts : undefined;
}

/** Normalizes a failed operation's error and keeps what explains it. */
export function describeFailure(operation: string, error: unknown): FailureDetail {
  const normalized = normalize(error);
  const records = normalized.attempts ?? [];
  return {
    operation,
    kind: normalized.kind,
    code: normalized.code,
    gaveUp: normalized.gaveUp,
    attempts: metadataAttempts(error) ?? (records.length > 0 ? records.length : undefined),
    history: records.map((r) => (r.status === undefined ? r.kind : `${r.kind} ${r.status}`)),
  };
}

/** `GetObject k: throttled (SlowDown), gave up: max_attempts after 6 attempts [server_error 500, ...]`. */
export function formatFailure(detail: FailureDetail): string {
  const why = detail.gaveUp === undefined ? "" : `, gave up: ${detail.gaveUp}`;
  const count = detail.attempts === undefined ? "" : ` after ${detail.attempts} attempts`;
  const history = detail.history.length === 0 ? "" : ` [${detail.history.join(", ")}]`;
  return `${detail.operation}: ${detail.kind} (${detail.code})${why}${count}${history}`;
}
