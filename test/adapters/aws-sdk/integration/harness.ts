import { S3Client } from "@aws-sdk/client-s3";
import {
  type FaultProxy,
  S3RVER_CREDENTIALS,
  type S3Server,
  startFaultProxy,
  startS3Server,
} from "../../../../bench/server/index.js";
import { type BucketguardOptions, bucketguard } from "../../../../src/adapters/aws-sdk/index.js";
import type { Clock } from "../../../../src/index.js";

/** Timers at least this long are stall limits, not waits: the instant clock never fires them. */
const STALL_LIMIT_MS = 10_000;

/**
 * A clock whose timers fire on the next turn and move its time forward by their delay,
 * recording each requested delay (no real waits). Timers of 10 s and more (the plugin's stall
 * limits) never fire: the servers here answer at once.
 */
export function createInstantClock(): Clock & { delaysMs: number[] } {
  const delaysMs: number[] = [];
  let skippedMs = 0;
  return {
    delaysMs,
    now: () => Date.now() + skippedMs,
    setTimer(callback, delayMs) {
      if (delayMs >= STALL_LIMIT_MS) return () => {};
      delaysMs.push(delayMs);
      skippedMs += delayMs;
      const handle = setImmediate(callback);
      return () => clearImmediate(handle);
    },
  };
}

/** s3rver on 127.0.0.1 behind the fault proxy, and clients for both. */
export interface Harness {
  s3: S3Server;
  proxy: FaultProxy;
  /** A client through the proxy, with bucketguard. */
  client(options?: BucketguardOptions): S3Client;
  /** A plain client straight to s3rver, to set up and check state. */
  direct: S3Client;
  close(): Promise<void>;
}

export const BUCKET = "bucket";

function makeS3Client(endpoint: string): S3Client {
  return new S3Client({
    region: "us-east-1",
    endpoint,
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/** Starts the servers; call `close()` in afterAll. */
export async function startHarness(): Promise<Harness> {
  const s3 = await startS3Server({ buckets: [BUCKET] });
  const proxy = await startFaultProxy({ upstream: s3.endpoint });
  const clients: S3Client[] = [];
  const direct = makeS3Client(s3.endpoint);
  return {
    s3,
    proxy,
    direct,
    client(options = {}) {
      const client = makeS3Client(proxy.endpoint);
      client.middlewareStack.use(bucketguard({ random: () => 0, ...options }));
      clients.push(client);
      return client;
    },
    async close() {
      for (const client of [...clients, direct]) client.destroy();
      await proxy.close();
      await s3.close();
    },
  };
}
