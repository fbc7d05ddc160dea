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

/** Where the adapters are loaded from: the build users install (`dist`) or the sources. */
export type AdapterSource = "dist" | "src";

// The build by default: the sources run through tsx's transform, which wraps every closure in a
// naming helper and so adds per-call costs that the published package does not have.
const ADAPTERS: Record<AdapterSource, { awsSdk: string; r2: string }> = {
  dist: { awsSdk: "../../dist/aws-sdk.js", r2: "../../dist/r2.js" },
  src: { awsSdk: "../../src/adapters/aws-sdk/index.js", r2: "../../src/adapters/r2/index.js" },
};

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

/** Loads `bucketguard` from bucketguard/aws-sdk (`dist` needs `npm run build` first). */
export function loadBucketguard(from: AdapterSource): Promise<Loaded<BucketguardFactory>> {
  return loadExport<BucketguardFactory>(ADAPTERS[from].awsSdk, "bucketguard");
}

/** Loads `guardBucket` from bucketguard/r2. */
export function loadGuardBucket(from: AdapterSource): Promise<Loaded<GuardBucket>> {
  return loadExport<GuardBucket>(ADAPTERS[from].r2, "guardBucket");
}
