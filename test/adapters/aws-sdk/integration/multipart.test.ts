import { HeadObjectCommand } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BUCKET, type Harness, startHarness } from "./harness.js";

let h: Harness;
const PART_BYTES = 5 * 1024 * 1024;
const body = new Uint8Array(PART_BYTES + 1024).fill(7);

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => {
  h.proxy.setFaults({});
  h.proxy.stats.reset();
});

const isPart = (query: string) => /partNumber=/.test(query);

describe("lib-storage Upload and multipart, against s3rver", () => {
  it("retries a failed part on its own, once, with no SDK retry underneath", async () => {
    let partRequests = 0;
    let failed = false;
    h.proxy.setFaults({
      pick: (req) => {
        if (!isPart(req.query)) return undefined;
        partRequests += 1;
        if (failed) return undefined;
        failed = true;
        return { type: "error", error: "internal" };
      },
    });
    const upload = new Upload({
      client: h.client(),
      params: { Bucket: BUCKET, Key: "multi", Body: body },
      partSize: PART_BYTES,
      queueSize: 1,
    });
    await upload.done();
    // 2 parts + 1 retry of the failed one; create and complete once each.
    expect(partRequests).toBe(3);
    expect(h.proxy.stats.total).toBe(5);
    const head = await h.direct.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "multi" }));
    expect(head.ContentLength).toBe(body.byteLength);
  });

  it("resumes a lib-storage upload whose part connection was reset", async () => {
    let resets = 0;
    h.proxy.setFaults({
      pick: (req) => {
        if (!isPart(req.query) || resets > 0) return undefined;
        resets += 1;
        return { type: "reset" };
      },
    });
    const upload = new Upload({
      client: h.client(),
      params: { Bucket: BUCKET, Key: "reset", Body: body },
      partSize: PART_BYTES,
      queueSize: 2,
    });
    const out = await upload.done();
    const head = await h.direct.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "reset" }));
    expect(out.ETag).toBe(head.ETag);
    expect(h.proxy.stats.total).toBe(5);
  });
});
