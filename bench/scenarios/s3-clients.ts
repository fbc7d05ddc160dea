import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import { S3RVER_CREDENTIALS } from "../server/index.js";
import type { BucketguardFactory } from "./load-adapters.js";

/** How a client retries. */
export type ClientMode = "sdk-default" | "sdk-adaptive" | "sdk-bare" | "bucketguard";

/** Options of `createS3Client`. */
export interface CreateS3ClientOptions {
  endpoint: string;
  mode: ClientMode;
  /** Required for mode `bucketguard`. */
  bucketguard?: BucketguardFactory | undefined;
  /** Passed to `bucketguard(options)`. */
  bucketguardOptions?: Record<string, unknown>;
}

/**
 * An S3Client for s3rver: path style, S3RVER credentials, checksums only when required (s3rver
 * stores aws-chunked framing verbatim). `sdk-bare` is `maxAttempts: 1` (for p-retry wrapping).
 */
export function createS3Client(options: CreateS3ClientOptions): S3Client {
  const config: S3ClientConfig = {
    endpoint: options.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  };
  if (options.mode === "sdk-adaptive") config.retryMode = "adaptive";
  if (options.mode === "sdk-bare") config.maxAttempts = 1;
  const client = new S3Client(config);
  if (options.mode === "bucketguard") {
    if (!options.bucketguard) throw new Error("mode bucketguard needs the bucketguard factory");
    client.middlewareStack.use(options.bucketguard(options.bucketguardOptions));
  }
  return client;
}
