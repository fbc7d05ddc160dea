import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardBucket } from "../../../src/adapters/r2/index.js";
import { isStorageError } from "../../../src/index.js";
import { createFaultyBucket, networkConnectionLost, R2_FAULTS } from "./faulty-bucket.js";
import { type R2Harness, startMiniflare } from "./start-miniflare.js";

let harness: R2Harness;
beforeAll(async () => {
  harness = await startMiniflare();
});
afterAll(async () => {
  await harness.dispose();
});

const fast = { writeIntervalMs: 0, random: () => 0 };

describe("guarded multipart uploads", () => {
  it("retries uploadPart, and reconciles a complete that landed before its answer was lost", async () => {
    const faulty = createFaultyBucket(harness.bucket);
    const guarded = guardBucket(faulty.bucket, fast);
    const upload = await guarded.createMultipartUpload("mp-landed");
    faulty.fail("uploadPart", R2_FAULTS.internal);
    const part = await upload.uploadPart(1, "abc");
    expect(faulty.calls.uploadPart).toBe(2);
    faulty.fail("complete", { error: networkConnectionLost(), after: true });
    const done = await upload.complete([part]);
    expect(faulty.calls.complete).toBe(2);
    expect(faulty.calls.head).toBe(1);
    expect(done).toMatchObject({ key: "mp-landed", size: 3 });
    expect(done.etag).toMatch(/-1$/);
  });

  it("reports NoSuchUpload when the object does not match the parts", async () => {
    const faulty = createFaultyBucket(harness.bucket);
    const guarded = guardBucket(faulty.bucket, fast);
    await harness.bucket.put("mp-other", "a different single-part object");
    const upload = await guarded.createMultipartUpload("mp-other");
    const part = await upload.uploadPart(1, "abc");
    await harness.bucket.resumeMultipartUpload("mp-other", upload.uploadId).abort();
    faulty.fail("complete", networkConnectionLost());
    const error = await upload.complete([part]).catch((e: unknown) => e);
    expect(isStorageError(error) && [error.kind, error.code, error.providerCode]).toEqual([
      "not_found",
      "NoSuchUpload",
      10024,
    ]);
    expect(faulty.calls.head).toBe(1);
  });

  it("does not reconcile a first-attempt NoSuchUpload", async () => {
    const faulty = createFaultyBucket(harness.bucket);
    const aborted = await harness.bucket.createMultipartUpload("mp-none");
    await aborted.abort();
    const upload = guardBucket(faulty.bucket, fast).resumeMultipartUpload(
      "mp-none",
      aborted.uploadId,
    );
    const error = await upload.complete([{ partNumber: 1, etag: "x" }]).catch((e: unknown) => e);
    expect(isStorageError(error) && error.gaveUp).toBe("not_retryable");
    expect(faulty.calls.head).toBeUndefined();
  });

  it("treats a retried abort answered NoSuchUpload as done", async () => {
    const faulty = createFaultyBucket(harness.bucket);
    const upload = await guardBucket(faulty.bucket, fast).createMultipartUpload("mp-abort");
    faulty.fail("abort", { error: R2_FAULTS.internal, after: true });
    await expect(upload.abort()).resolves.toBeUndefined();
    expect(faulty.calls.abort).toBe(2);
  });
});
