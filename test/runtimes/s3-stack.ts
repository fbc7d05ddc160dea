import { createServer } from "node:net";
import { type FaultProxy, startFaultProxy, startS3Server } from "../../bench/server/index.js";

/** Headers bucketguard reads from S3-compatible answers; a browser sees them only when exposed. */
export const EXPOSED_HEADERS = [
  "ETag",
  "x-amz-request-id",
  "x-amz-id-2",
  "Retry-After",
  "x-amz-retry-after",
  "Date",
] as const;

const corsRule = (expose: readonly string[]) =>
  [
    "<CORSConfiguration><CORSRule>",
    "<AllowedOrigin>*</AllowedOrigin>",
    "<AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod>",
    "<AllowedHeader>*</AllowedHeader>",
    ...expose.map((name) => `<ExposeHeader>${name}</ExposeHeader>`),
    "</CORSRule></CORSConfiguration>",
  ].join("");

/** Buckets by CORS rules: all headers exposed, none exposed, no CORS configuration at all. */
export const BUCKETS = { exposed: "exposed", hidden: "hidden", closed: "closed" } as const;

/** s3rver with the three buckets behind the fault proxy, on loopback. */
export interface S3Stack {
  /** The proxy's endpoint: what the runtime under test talks to. */
  endpoint: string;
  proxy: FaultProxy;
  /** A loopback URL nothing listens on. */
  refusedUrl: string;
  /** Stores `body` at `/<bucket>/<key>` (straight to s3rver, not counted by the proxy). */
  put(bucket: string, key: string, body: string): Promise<void>;
  close(): Promise<void>;
}

/** A port that was free a moment ago and is closed now. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

export async function startS3Stack(): Promise<S3Stack> {
  const server = await startS3Server({
    buckets: [
      { name: BUCKETS.exposed, cors: corsRule(EXPOSED_HEADERS) },
      { name: BUCKETS.hidden, cors: corsRule([]) },
      BUCKETS.closed,
    ],
  });
  let proxy: FaultProxy;
  try {
    proxy = await startFaultProxy({ upstream: server.endpoint, dialect: "aws" });
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    endpoint: proxy.endpoint,
    proxy,
    refusedUrl: `http://127.0.0.1:${await closedPort()}/${BUCKETS.exposed}/k`,
    async put(bucket, key, body) {
      const response = await fetch(`${server.endpoint}/${bucket}/${key}`, { method: "PUT", body });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`PUT /${bucket}/${key}: ${response.status}`);
    },
    async close() {
      await proxy.close().finally(() => server.close());
    },
  };
}
