import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleWorker } from "./bundle-worker.js";
import { type R2Harness, startMiniflare } from "./start-miniflare.js";

let harness: R2Harness;
beforeAll(async () => {
  harness = await startMiniflare(await bundleWorker("./fixtures/reconcile-worker.ts"));
});
afterAll(async () => {
  await harness.dispose();
});

async function run(name: string): Promise<Record<string, unknown>> {
  const response = await harness.mf.dispatchFetch(`http://localhost/?case=${name}`);
  return (await response.json()) as Record<string, unknown>;
}

describe("R2 reconciliation inside workerd proves the object is ours", () => {
  it("a retried conditional put whose first attempt landed reports the object", async () => {
    expect(await run("putLanded")).toEqual({ ok: true, value: 5 });
  });

  it("a retried conditional put does NOT succeed over other bytes of the same size", async () => {
    const result = await run("putSameSizeOther");
    expect(result).toMatchObject({ ok: false, kind: "precondition_failed" });
    expect(result.hint).toMatch(/^Outcome ambiguous: .*md5 differs/);
  });

  it("a streamed body (bodyFactory) is proven by the SHA-256 the put carried", async () => {
    expect(await run("streamPutLandedWithSha256")).toEqual({ ok: true, value: 5 });
  });

  it("a streamed body without a checksum cannot be proven: the refusal stands, saying why", async () => {
    const result = await run("streamPutLandedBare");
    expect(result).toMatchObject({ ok: false, kind: "precondition_failed" });
    expect(result.hint).toMatch(/^Outcome ambiguous: .*bytes are not at hand/);
  });

  it("a retried complete whose first attempt landed reports the object", async () => {
    expect(await run("multipartLanded")).toEqual({
      ok: true,
      // The retried complete was refused (the upload is gone), and a head proved the object.
      value: { size: 5 * 1024 * 1024 + 4, parts: "2", complete: 2, head: 1 },
    });
  });

  it("a retried complete does NOT succeed over another multipart object of the same size", async () => {
    const result = await run("multipartSameSizeOther");
    expect(result).toMatchObject({ ok: false, kind: "not_found", code: "NoSuchUpload" });
    expect(result.hint).toMatch(/^Outcome ambiguous: .*not the multipart etag of these parts/);
  });
});
