import { normalize } from "../../src/index.js";

/** Outcome of a batch of operations run by `runWorkers`. */
export interface RunResult {
  operations: number;
  succeeded: number;
  failed: number;
  /** Latency of every operation, successful or not, in milliseconds. */
  latenciesMs: number[];
  /** Normalized error kinds of failed operations, with counts. */
  errorsByKind: Record<string, number>;
  /** When each success completed, in milliseconds from the start. */
  successAtMs: number[];
  elapsedMs: number;
}

/** Options of `runWorkers`: stop after `operations` in total or at `durationMs`, whichever is set. */
export interface RunWorkersOptions {
  concurrency: number;
  operations?: number;
  durationMs?: number;
  /** Called after each operation (progress lines). */
  onSettled?: (result: RunResult) => void;
}

/** Runs `op(i)` from `concurrency` loops and records latency and normalized failures. */
export async function runWorkers(
  options: RunWorkersOptions,
  op: (i: number) => Promise<unknown>,
): Promise<RunResult> {
  const result: RunResult = {
    operations: 0,
    succeeded: 0,
    failed: 0,
    latenciesMs: [],
    errorsByKind: {},
    successAtMs: [],
    elapsedMs: 0,
  };
  const startMs = performance.now();
  const endMs = options.durationMs === undefined ? Infinity : startMs + options.durationMs;
  const limit = options.operations ?? Infinity;
  let next = 0;
  const loop = async () => {
    while (next < limit && performance.now() < endMs) {
      const i = next++;
      const opStartMs = performance.now();
      try {
        await op(i);
        result.succeeded += 1;
        result.successAtMs.push(performance.now() - startMs);
      } catch (error) {
        result.failed += 1;
        const kind = normalize(error).kind;
        result.errorsByKind[kind] = (result.errorsByKind[kind] ?? 0) + 1;
      }
      result.operations += 1;
      result.latenciesMs.push(performance.now() - opStartMs);
      options.onSettled?.(result);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, loop));
  result.elapsedMs = performance.now() - startMs;
  return result;
}

/** The `p` quantile (0..1) of `values`, nearest rank; 0 for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

/** The median of `values`; 0 for an empty list. */
export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** `{ a: 2, b: 1 }` as `a 2, b 1`, or `-` when empty. */
export function formatCounts(counts: Readonly<Record<string, number>>): string {
  const entries = Object.entries(counts).sort((x, y) => y[1] - x[1]);
  return entries.length === 0 ? "-" : entries.map(([k, n]) => `${k} ${n}`).join(", ");
}
