import type { R2ObjectBody } from "@cloudflare/workers-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardBucket } from "../../../src/adapters/r2/index.js";
import { isStorageError, type RetryEvent, type StorageError } from "../../../src/index.js";
import { createFaultyBucket, networkConnectionLost, R2_FAULTS } from "./faulty-bucket.js";
import { type R2Harness, startMiniflare } from "./start-miniflare.js";

let harness: R2Harness;
beforeAll(async () => {
  harness = await startMiniflare();
});
afterAll(async () => {
  await harness.dispose();
});

// No pacing and zero backoff (full jitter with random 0): these tests are about outcomes.
const fast = { writeIntervalMs: 0, random: () => 0 };

async function rejection(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!isStorageError(error)) throw new Error(`expected a StorageError, got ${String(error)}`);
  return error;
}

describe("guardBucket over Miniflare's R2 with injected production faults", () => {
  it.each([
    ["10058", R2_FAULTS.slowDown, "throttling"],
    ["10001", R2_FAULTS.internal, "transient"],
    ["10043", R2_FAULTS.unavailable, "throttling"],
    ["10054", R2_FAULTS.clientDisconnect, "transient"],
    ["Unspecified error (0)", R2_FAULTS.unspecified, "transient"],
  ])("retries %s as %s and succeeds", async (_name, message, retry) => {
    const faulty = createFaultyBucket(harness.bucket);
    const events: RetryEvent[] = [];
    const guarded = guardBucket(faulty.bucket, { ...fast, onRetry: (event) => events.push(event) });
    faulty.fail("put", message);
    const stored = await guarded.put(`retry-${_name}`, "hello");
    expect(stored?.size).toBe(5);
    expect(faulty.calls.put).toBe(2);
    expect(events.map((event) => [event.retry, event.error.provider, event.operation])).toEqual([
      [retry, "r2", "put"],
    ]);
  });

  it("retries 'Network connection lost.' (retryable: true) on reads", async () => {
    const faulty = createFaultyBucket(harness.bucket);
    await harness.bucket.put("network", "data");
    faulty.fail("get", networkConnectionLost(), networkConnectionLost());
    const guarded = guardBucket(faulty.bucket, fast);
    const found = await guarded.get("network");
    expect(await found?.text()).toBe("data");
    expect(faulty.calls.get).toBe(3);
  });

  it("gives up after the policy's attempts with the last error, attempts and gaveUp", async () => {
    const faulty = createFaultyBucket(harness.bucket);
    faulty.fail("head", R2_FAULTS.internal, R2_FAULTS.internal, R2_FAULTS.internal);
    const error = await rejection(guardBucket(faulty.bucket, fast).head("x"));
    expect(error).toMatchObject({
      kind: "server_error",
      providerCode: 10001,
      gaveUp: "max_attempts",
    });
    expect(error.operation).toBe("head");
    expect(error.attempts).toHaveLength(3);
  });

  it("does not retry client errors and keeps the code", async () => {
    const faulty = createFaultyBucket(harness.bucket);
    const error = await rejection(guardBucket(faulty.bucket, fast).list({ limit: 5000 }));
    expect(error).toMatchObject({
      kind: "invalid_request",
      providerCode: 10022,
      gaveUp: "not_retryable",
    });
    expect(faulty.calls.list).toBe(1);
  });

  it("turns client-side TypeErrors into never-retried StorageErrors", async () => {
    const upload = await guardBucket(harness.bucket, fast).createMultipartUpload("bad-part");
    const error = await rejection(upload.uploadPart(0, "x"));
    expect(error.retry).toBe("never");
    expect(error.provider).toBe("r2");
  });
});

describe("null and onlyIf semantics", () => {
  it("keeps null for missing keys", async () => {
    const guarded = guardBucket(harness.bucket, fast);
    expect(await guarded.get("missing")).toBeNull();
    expect(await guarded.head("missing")).toBeNull();
  });

  it("keeps R2's results for an unmet onlyIf by default", async () => {
    const guarded = guardBucket(harness.bucket, fast);
    const stored = await guarded.put("cond", "v1");
    const bodiless = await guarded.get("cond", {
      onlyIf: { etagDoesNotMatch: stored?.etag ?? "" },
    });
    expect(bodiless?.etag).toBe(stored?.etag);
    expect(bodiless && "arrayBuffer" in bodiless).toBe(false);
    expect(await guarded.put("cond", "v2", { onlyIf: { etagMatches: "other" } })).toBeNull();
  });

  it("throws precondition_failed with preconditionFailed: 'error'", async () => {
    const guarded = guardBucket(harness.bucket, { ...fast, preconditionFailed: "error" });
    const stored = await guarded.put("cond-error", "v1");
    const onlyIf = { etagDoesNotMatch: stored?.etag ?? "" };
    const fromGet = await rejection(guarded.get("cond-error", { onlyIf }));
    expect(fromGet).toMatchObject({ kind: "precondition_failed", status: 412, operation: "get" });
    const fromPut = await rejection(
      guarded.put("cond-error", "v2", { onlyIf: { etagMatches: "x" } }),
    );
    expect(fromPut).toMatchObject({ kind: "precondition_failed", code: "PreconditionFailed" });
    const met = await guarded.get("cond-error", { onlyIf: { etagMatches: stored?.etag ?? "" } });
    expect(await (met as R2ObjectBody | null)?.text()).toBe("v1");
  });
});

describe("subrequestLimit", () => {
  it("stops retrying before the limit with gaveUp budget", async () => {
    const faulty = createFaultyBucket(harness.bucket);
    faulty.fail("get", R2_FAULTS.internal, R2_FAULTS.internal, R2_FAULTS.internal);
    const guarded = guardBucket(faulty.bucket, { ...fast, subrequestLimit: 2 });
    const error = await rejection(guarded.get("budget"));
    expect(error).toMatchObject({ kind: "server_error", gaveUp: "budget" });
    expect(faulty.calls.get).toBe(2);
    const next = await rejection(guarded.head("budget"));
    expect(next).toMatchObject({ kind: "quota_exceeded", gaveUp: "budget" });
    expect(faulty.calls.head).toBeUndefined();
  });

  it("rejects bad option values naming the option", () => {
    expect(() => guardBucket(harness.bucket, { writeIntervalMs: -1 })).toThrow(/writeIntervalMs/);
  });
});
