import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardBucket } from "../../../src/adapters/r2/index.js";
import { isStorageError } from "../../../src/index.js";
import { createFaultyBucket, networkConnectionLost } from "./faulty-bucket.js";
import { type R2Harness, startMiniflare } from "./start-miniflare.js";

// The adapter runs in Node here, where crypto.subtle has no MD5: the core's MD5 is used.
let harness: R2Harness;
beforeAll(async () => {
  harness = await startMiniflare();
});
afterAll(async () => {
  await harness.dispose();
});

const options = { writeIntervalMs: 0, random: () => 0, preconditionFailed: "error" } as const;
const createOnly = { onlyIf: { etagDoesNotMatch: "*" } };

describe("R2 conditional put answered null on a retry", () => {
  it("reports the object when its MD5 is the body's (the first attempt landed)", async () => {
    const faulty = createFaultyBucket(harness.bucket);
    faulty.fail("put", { error: networkConnectionLost(), after: true });
    const stored = await guardBucket(faulty.bucket, options).put("n-landed", "mine!", createOnly);
    expect(stored).toMatchObject({ key: "n-landed", size: 5 });
    expect([faulty.calls.put, faulty.calls.head]).toEqual([2, 1]);
  });

  it("keeps precondition_failed, with an ambiguity hint, over other bytes of the same size", async () => {
    await harness.bucket.put("n-other", "THEIR");
    const faulty = createFaultyBucket(harness.bucket);
    faulty.fail("put", networkConnectionLost());
    const error = await guardBucket(faulty.bucket, options)
      .put("n-other", "mine!", createOnly)
      .catch((e: unknown) => e);
    expect(isStorageError(error) && [error.kind, error.code]).toEqual([
      "precondition_failed",
      "PreconditionFailed",
    ]);
    expect(isStorageError(error) && error.hint).toMatch(/^Outcome ambiguous: .*md5 differs/);
  });
});

describe("R2 complete answered NoSuchUpload on a retry", () => {
  it("keeps NoSuchUpload when a part's MD5 is not known here (uploaded elsewhere)", async () => {
    const raw = await harness.bucket.createMultipartUpload("n-mp-elsewhere");
    const part = await raw.uploadPart(1, "abc");
    const faulty = createFaultyBucket(harness.bucket);
    faulty.fail("complete", { error: networkConnectionLost(), after: true });
    const upload = guardBucket(faulty.bucket, options).resumeMultipartUpload(
      "n-mp-elsewhere",
      raw.uploadId,
    );
    const error = await upload.complete([part]).catch((e: unknown) => e);
    expect(isStorageError(error) && error.code).toBe("NoSuchUpload");
    expect(isStorageError(error) && error.hint).toMatch(/MD5 of some part is not known/);
    expect(faulty.calls.head).toBeUndefined();
  });

  it("reports the object when its etag is the multipart etag of the parts sent", async () => {
    const faulty = createFaultyBucket(harness.bucket);
    const upload = await guardBucket(faulty.bucket, options).createMultipartUpload("n-mp");
    const part = await upload.uploadPart(1, new TextEncoder().encode("abc"));
    faulty.fail("complete", { error: networkConnectionLost(), after: true });
    const done = await upload.complete([part]);
    const inner = createHash("md5").update("abc").digest();
    expect(done.etag).toBe(`${createHash("md5").update(inner).digest("hex")}-1`);
  });
});
