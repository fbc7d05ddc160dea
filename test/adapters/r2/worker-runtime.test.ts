import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleWorker } from "./bundle-worker.js";
import { type R2Harness, startMiniflare } from "./start-miniflare.js";

let harness: R2Harness;
beforeAll(async () => {
  harness = await startMiniflare(await bundleWorker("./fixtures/scenarios-worker.ts"));
});
afterAll(async () => {
  await harness.dispose();
});

async function run(name: string): Promise<Record<string, unknown>> {
  const response = await harness.mf.dispatchFetch(`http://localhost/?case=${name}`);
  return (await response.json()) as Record<string, unknown>;
}

describe("guardBucket inside workerd over a real local R2 bucket", () => {
  it.each([
    ["metadataTooLarge", "too_large", "MetadataTooLarge", 10012, "put"],
    ["entityTooSmall", "invalid_request", "EntityTooSmall", 10011, "completeMultipartUpload"],
    ["badMultipart", "invalid_request", "InvalidPart", 10048, "completeMultipartUpload"],
    ["invalidPart", "invalid_request", "InvalidPart", 10025, "completeMultipartUpload"],
    ["noSuchUpload", "not_found", "NoSuchUpload", 10024, "uploadPart"],
    ["invalidRange", "range_not_satisfiable", "InvalidRange", 10039, "get"],
    ["invalidObjectName", "invalid_request", "InvalidObjectName", 10020, "put"],
    ["badMaxKeys", "invalid_request", undefined, 10022, "list"],
  ])("%s: %s (%s, %i), not retried", async (name, kind, code, providerCode, operation) => {
    const result = await run(name);
    expect(result).toMatchObject({ ok: false, kind, providerCode, retry: "never", operation });
    expect(result.gaveUp).toBe("not_retryable");
    expect(result.attempts).toBe(1);
    if (code) expect(result.code).toBe(code);
  });

  it("badDigest (10037, text with newlines) is transient: retried with the replayed body", async () => {
    const result = await run("badDigest");
    expect(result).toMatchObject({
      ok: false,
      kind: "invalid_request",
      code: "BadDigest",
      providerCode: 10037,
    });
    expect(result.retry).toBe("transient");
    expect(result.gaveUp).toBe("max_attempts");
    expect(result.attempts).toBe(3);
  });

  it("keeps null for missing keys and R2's onlyIf results", async () => {
    expect(await run("nulls")).toEqual({
      ok: true,
      value: { get: null, head: null, bodiless: true, put: null },
    });
  });

  it("throws precondition_failed with preconditionFailed: 'error'", async () => {
    expect(await run("preconditionError")).toMatchObject({
      ok: false,
      kind: "precondition_failed",
    });
  });

  it("reconciles a retried conditional put stopped by its own landed first attempt", async () => {
    expect(await run("conditionalPutLanded")).toEqual({ ok: true, value: 4 });
  });

  it("keeps null when a retried conditional put clashed with someone else's object", async () => {
    expect(await run("conditionalPutClash")).toEqual({ ok: true, value: null });
  });

  it("buffers and stores a known-length request body stream", async () => {
    expect(await run("roundTrip")).toEqual({ ok: true, value: "streamed body" });
  });

  it("sends a stream over maxReplayBytes unbuffered, its known length kept", async () => {
    expect(await run("unbufferedStream")).toEqual({ ok: true, value: "longer body" });
  });
});
