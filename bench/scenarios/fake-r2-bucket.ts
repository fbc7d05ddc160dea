import type { R2Bucket } from "@cloudflare/workers-types";

/** Options of `createFakeR2Bucket`. */
export interface FakeR2BucketOptions {
  /** Minimum time between two writes to one key, in milliseconds. Default 1000 (R2's 1 write/s/key). */
  writeIntervalMs?: number;
  /** Time a put takes, in milliseconds. Default 20. */
  putLatencyMs?: number;
}

/** What the fake counts. */
export interface FakeR2Stats {
  puts: number;
  rejected: number;
}

/**
 * A stand-in for an R2 binding that only implements `put`, `get` and `head`, and enforces R2's
 * same-key write limit the way production does: a plain Error `put: ... (10058)`, no `code`.
 * Real timing: the limit is inherent to the scenario.
 */
export function createFakeR2Bucket(options: FakeR2BucketOptions = {}): {
  bucket: R2Bucket;
  stats: FakeR2Stats;
} {
  const writeIntervalMs = options.writeIntervalMs ?? 1000;
  const putLatencyMs = options.putLatencyMs ?? 20;
  const lastWriteMs = new Map<string, number>();
  const values = new Map<string, string>();
  const stats: FakeR2Stats = { puts: 0, rejected: 0 };
  const fake = {
    async put(key: string, value: string) {
      stats.puts += 1;
      const now = Date.now();
      const last = lastWriteMs.get(key);
      if (last !== undefined && now - last < writeIntervalMs) {
        stats.rejected += 1;
        throw new Error("put: Reduce your concurrent request rate for the same object. (10058)");
      }
      lastWriteMs.set(key, now);
      await new Promise((resolve) => setTimeout(resolve, putLatencyMs));
      values.set(key, value);
      return { key, size: value.length, etag: String(stats.puts), uploaded: new Date(now) };
    },
    async head(key: string) {
      return values.has(key) ? { key, size: values.get(key)?.length ?? 0 } : null;
    },
    async get(key: string) {
      const value = values.get(key);
      return value === undefined ? null : { key, size: value.length, text: async () => value };
    },
  };
  // Only the methods the scenario calls exist; the cast is the price of not writing all of R2.
  return { bucket: fake as unknown as R2Bucket, stats };
}
