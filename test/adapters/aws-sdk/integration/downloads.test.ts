import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BUCKET, type Harness, startHarness } from "./harness.js";

let h: Harness;
const content = "0123456789".repeat(10_000);

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.direct.send(new PutObjectCommand({ Bucket: BUCKET, Key: "big", Body: content }));
  h.proxy.setFaults({});
  h.proxy.stats.reset();
});

const truncateOnce = (keepFraction: number) => ({
  script: [{ method: "GET", count: 1, fault: { type: "truncate" as const, keepFraction } }],
});

describe("GetObject body resume, against s3rver", () => {
  it("continues a truncated download with Range and returns every byte once", async () => {
    const resumes: unknown[] = [];
    h.proxy.setFaults({
      ...truncateOnce(0.3),
      pick: (req) => {
        resumes.push([req.headers.range, req.headers["if-match"]]);
        return undefined;
      },
    });
    const out = await h.client().send(new GetObjectCommand({ Bucket: BUCKET, Key: "big" }));
    expect(await out.Body?.transformToString()).toBe(content);
    expect(h.proxy.stats.total).toBe(2);
    expect(resumes).toEqual([[expect.stringMatching(/^bytes=\d+-$/), out.ETag]]);
  });

  it("keeps the SDK's body helpers: transformToByteArray and transformToWebStream", async () => {
    h.proxy.setFaults(truncateOnce(0.5));
    const out = await h.client().send(new GetObjectCommand({ Bucket: BUCKET, Key: "big" }));
    expect((await out.Body?.transformToByteArray())?.byteLength).toBe(content.length);

    h.proxy.setFaults(truncateOnce(0.5));
    const again = await h.client().send(new GetObjectCommand({ Bucket: BUCKET, Key: "big" }));
    const text = await new Response(again.Body?.transformToWebStream()).text();
    expect(text).toBe(content);
  });

  it("resumes within a caller's Range", async () => {
    h.proxy.setFaults(truncateOnce(0.5));
    const out = await h
      .client()
      .send(new GetObjectCommand({ Bucket: BUCKET, Key: "big", Range: "bytes=1000-50999" }));
    expect(await out.Body?.transformToString()).toBe(content.slice(1000, 51_000));
    expect(h.proxy.stats.total).toBe(2);
  });

  it("fails with precondition_failed when the object changed mid-download", async () => {
    // s3rver ignores If-Match: the proxy answers 412 for it, as S3 does once the ETag moved.
    h.proxy.setFaults({
      ...truncateOnce(0.5),
      pick: (req) =>
        req.headers["if-match"] === undefined
          ? undefined
          : { type: "error", error: "precondition" },
    });
    const out = await h.client().send(new GetObjectCommand({ Bucket: BUCKET, Key: "big" }));
    const error = await out.Body?.transformToString().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "precondition_failed", code: "PreconditionFailed" });
    expect((error as Error).message).toMatch(/changed mid-download/);
    expect(h.proxy.stats.total).toBe(2);
  });

  it("leaves the body alone with resumeDownloads: false", async () => {
    h.proxy.setFaults(truncateOnce(0.5));
    const out = await h
      .client({ resumeDownloads: false })
      .send(new GetObjectCommand({ Bucket: BUCKET, Key: "big" }));
    await expect(out.Body?.transformToString()).rejects.toThrow();
    expect(h.proxy.stats.total).toBe(1);
  });
});
