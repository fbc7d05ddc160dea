import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { BUCKET, type Harness, startHarness } from "./harness.js";

let h: Harness;
const content = "0123456789".repeat(10_000);
// Tiny on the real clock: the proxy's silence is real, and nothing here waits 30 s.
const STALL_MS = 300;

beforeAll(async () => {
  h = await startHarness();
  await h.direct.send(new PutObjectCommand({ Bucket: BUCKET, Key: "big", Body: content }));
});
afterAll(() => h.close());
beforeEach(() => {
  h.proxy.setFaults({});
  h.proxy.stats.reset();
});

const stallOnce = (method: string, headers = true) => ({
  script: [{ method, count: 1, fault: { type: "stall" as const, keepFraction: 0.5, headers } }],
});
const get = (Key = "big") => new GetObjectCommand({ Bucket: BUCKET, Key });

describe("stalls, against s3rver behind the fault proxy", () => {
  it("resumes a body that sent its headers and half its bytes, then went silent", async () => {
    const ranges: unknown[] = [];
    h.proxy.setFaults({
      ...stallOnce("GET"),
      pick: (req) => {
        ranges.push(req.headers.range);
        return undefined;
      },
    });
    const out = await h.client({ stallTimeoutMs: STALL_MS }).send(get());
    expect(await out.Body?.transformToString()).toBe(content);
    expect(h.proxy.stats.total).toBe(2);
    expect(ranges).toEqual([`bytes=${content.length / 2}-`]);
  });

  it("fails a stalled body as a transient timeout when it cannot resume", async () => {
    h.proxy.setFaults(stallOnce("GET"));
    const out = await h.client({ stallTimeoutMs: STALL_MS, resumeDownloads: false }).send(get());
    const error = await out.Body?.transformToString().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "timeout", retry: "transient" });
    expect((error as Error).message).toMatch(/no progress for 300 ms/);
    expect(h.proxy.stats.total).toBe(1);
  });

  it("retries a request whose response never comes, and cancels it", async () => {
    h.proxy.setFaults(stallOnce("HEAD", false));
    const openBefore = h.proxy.openConnections();
    const out = await h
      .client({ stallTimeoutMs: STALL_MS })
      .send(new HeadObjectCommand({ Bucket: BUCKET, Key: "big" }));
    expect(out.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 2 });
    expect(h.proxy.stats.total).toBe(2);
    // The stalled request's connection is closed by the client, not left open and silent.
    await vi.waitFor(() => expect(h.proxy.openConnections()).toBeLessThanOrEqual(openBefore + 1));
  });

  it("gives up as timeout when every response stalls", async () => {
    h.proxy.setFaults({
      script: [{ method: "GET", count: 10, fault: { type: "stall", headers: false } }],
    });
    const error = await h
      .client({ stallTimeoutMs: STALL_MS, maxAttempts: 2 })
      .send(get())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "timeout", gaveUp: "max_attempts" });
    expect(h.proxy.stats.total).toBe(2);
  });
});
