import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { AwsClient } from "aws4fetch";
import pRetry from "p-retry";
import { normalizeResponse } from "../../src/index.js";
import { S3RVER_CREDENTIALS } from "../server/index.js";
import type { BucketguardFactory, Loaded } from "./load-adapters.js";
import { createS3Client } from "./s3-clients.js";

/** One retry strategy under test, reduced to "download this key". */
export interface Contender {
  name: ContenderName;
  /** Downloads the whole object; resolves to its length in bytes. */
  get(key: string): Promise<number>;
  close(): void;
}

/** The strategies compared. */
export type ContenderName =
  | "sdk-default"
  | "sdk-adaptive"
  | "p-retry"
  | "aws4fetch"
  | "bucketguard"
  | "bucketguard-3";

/** Every contender, in table order. */
export const ALL_CONTENDERS: readonly ContenderName[] = [
  "sdk-default",
  "sdk-adaptive",
  "p-retry",
  "aws4fetch",
  "bucketguard",
  "bucketguard-3",
];

/** Where the contenders send requests. */
export interface ContenderEnv {
  endpoint: string;
  bucket: string;
  bucketguard: Loaded<BucketguardFactory>;
}

async function getWith(client: S3Client, bucket: string, key: string): Promise<number> {
  const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const bytes = await res.Body?.transformToByteArray();
  return bytes?.length ?? 0;
}

function sdkContender(name: ContenderName, client: S3Client, bucket: string): Contender {
  return { name, get: (key) => getWith(client, bucket, key), close: () => client.destroy() };
}

/**
 * Builds `name` against `env`, or undefined when it cannot run (bucketguard not loadable).
 * p-retry wraps a `maxAttempts: 1` SDK client with p-retry's defaults (10 retries, waits of
 * 1 s, 2 s, 4 s, ...); aws4fetch uses its own defaults (10 retries from 50 ms, 5xx and 429 only).
 * `bucketguard` is the plugin with its defaults, `bucketguard-3` with `maxAttempts: 3` (the SDK's default count).
 */
export function createContender(name: ContenderName, env: ContenderEnv): Contender | undefined {
  const { endpoint, bucket } = env;
  switch (name) {
    case "sdk-default":
    case "sdk-adaptive":
      return sdkContender(name, createS3Client({ endpoint, mode: name }), bucket);
    case "bucketguard":
    case "bucketguard-3": {
      if (!env.bucketguard.ok) return undefined;
      const bucketguardOptions = name === "bucketguard-3" ? { maxAttempts: 3 } : {};
      const client = createS3Client({
        endpoint,
        mode: "bucketguard",
        bucketguard: env.bucketguard.value,
        bucketguardOptions,
      });
      return sdkContender(name, client, bucket);
    }
    case "p-retry": {
      const client = createS3Client({ endpoint, mode: "sdk-bare" });
      return {
        name,
        get: (key) => pRetry(() => getWith(client, bucket, key)),
        close: () => client.destroy(),
      };
    }
    case "aws4fetch": {
      const aws = new AwsClient({ ...S3RVER_CREDENTIALS, service: "s3", region: "us-east-1" });
      return {
        name,
        async get(key) {
          const res = await aws.fetch(`${endpoint}/${bucket}/${encodeURIComponent(key)}`);
          if (!res.ok) {
            const body = await res.text();
            throw normalizeResponse({ status: res.status, headers: res.headers, body });
          }
          return (await res.arrayBuffer()).byteLength;
        },
        close() {},
      };
    }
  }
}
