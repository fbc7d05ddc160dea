import type { ServiceInputTypes, ServiceOutputTypes } from "@aws-sdk/client-s3";
import type { R2Bucket } from "@cloudflare/workers-types";
import type { Pluggable } from "@smithy/types";

/** `bucketguard(options?)` from bucketguard/aws-sdk. */
export type BucketguardFactory = (
  options?: Record<string, unknown>,
) => Pluggable<ServiceInputTypes, ServiceOutputTypes>;

/** `guardBucket(bucket, options?)` from bucketguard/r2. */
export type GuardBucket = (bucket: R2Bucket, options?: Record<string, unknown>) => R2Bucket;

/** An adapter, or why it could not be loaded. */
export type Loaded<T> = { ok: true; value: T } | { ok: false; reason: string };

// Specifiers held in variables: the adapters are written concurrently, so the benchmarks load
// them at run time and run the other columns when they are missing.
const AWS_SDK_ADAPTER = "../../src/adapters/aws-sdk/index.js";
const R2_ADAPTER = "../../src/adapters/r2/index.js";

async function loadExport<T>(specifier: string, name: string): Promise<Loaded<T>> {
  try {
    const mod: unknown = await import(specifier);
    const value = typeof mod === "object" && mod !== null ? Reflect.get(mod, name) : undefined;
    if (typeof value !== "function") return { ok: false, reason: `${specifier} has no ${name}()` };
    return { ok: true, value: value as T };
  } catch (error) {
    return { ok: false, reason: `${specifier}: ${error instanceof Error ? error.message : error}` };
  }
}

/** Loads `bucketguard` from src/adapters/aws-sdk/index.ts. */
export function loadBucketguard(): Promise<Loaded<BucketguardFactory>> {
  return loadExport<BucketguardFactory>(AWS_SDK_ADAPTER, "bucketguard");
}

/** Loads `guardBucket` from src/adapters/r2/index.ts. */
export function loadGuardBucket(): Promise<Loaded<GuardBucket>> {
  return loadExport<GuardBucket>(R2_ADAPTER, "guardBucket");
}
