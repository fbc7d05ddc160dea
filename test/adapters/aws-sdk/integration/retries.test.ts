import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BUCKET, createInstantClock, type Harness, startHarness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.direct.send(new PutObjectCommand({ Bucket: BUCKET, Key: "k", Body: "hello world" }));
});
afterAll(() => h.close());
beforeEach(() => {
  h.proxy.setFaults({});
  h.proxy.stats.reset();
});

const get = (Key = "k") => new GetObjectCommand({ Bucket: BUCKET, Key });

describe("no double retry, against s3rver", () => {
  it("1 failure + 1 success is exactly 2 requests", async () => {
    h.proxy.setFaults({
      script: [{ method: "GET", count: 1, fault: { type: "error", error: "internal" } }],
    });
    const out = await h.client().send(get());
    expect(await out.Body?.transformToString()).toBe("hello world");
    expect(h.proxy.stats.total).toBe(2);
    expect(out.$metadata.attempts).toBe(2);
  });

  it("maxAttempts N is exactly N requests on a persistent failure", async () => {
    h.proxy.setFaults({
      script: [{ method: "GET", count: 100, fault: { type: "error", error: "internal" } }],
    });
    for (const maxAttempts of [1, 2, 5]) {
      h.proxy.stats.reset();
      const error = await h
        .client({ maxAttempts })
        .send(get())
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: "server_error", $metadata: { attempts: maxAttempts } });
      expect(h.proxy.stats.total).toBe(maxAttempts);
    }
  });

  it("retries a connection reset and a PUT of a replayable body", async () => {
    h.proxy.setFaults({ script: [{ method: "PUT", count: 1, fault: { type: "reset" } }] });
    await h.client().send(new PutObjectCommand({ Bucket: BUCKET, Key: "r", Body: "again" }));
    expect(h.proxy.stats.total).toBe(2);
    const check = await h.direct.send(new GetObjectCommand({ Bucket: BUCKET, Key: "r" }));
    expect(await check.Body?.transformToString()).toBe("again");
  });

  it("honours Retry-After on a 429 and reports the wait in totalRetryDelay", async () => {
    const clock = createInstantClock();
    h.proxy.setFaults({
      script: [
        {
          method: "HEAD",
          count: 1,
          fault: { type: "error", error: "too-many-requests", retryAfterS: 2 },
        },
      ],
    });
    const out = await h.client({ clock }).send(new HeadObjectCommand({ Bucket: BUCKET, Key: "k" }));
    expect(out.$metadata).toMatchObject({ attempts: 2, totalRetryDelay: 2000 });
    expect(clock.delaysMs).toContain(2000);
  });

  it("retries CreateMultipartUpload after a 500 and after a SlowDown", async () => {
    h.proxy.setFaults({
      script: [
        { method: "POST", count: 1, fault: { type: "error", error: "internal" } },
        { method: "POST", count: 1, fault: { type: "error", error: "slow-down" } },
      ],
    });
    const { CreateMultipartUploadCommand } = await import("@aws-sdk/client-s3");
    const out = await h
      .client({ clock: createInstantClock() })
      .send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: "m" }));
    expect(out.UploadId).toBeTruthy();
    expect(out.$metadata.attempts).toBe(3);
    expect(h.proxy.stats.total).toBe(3);
  });

  it("corrects a skewed clock from the server's time and retries once", async () => {
    // s3rver checks signatures against its own (true) clock, so the skew is scripted once and
    // kept under its 15 min window.
    h.proxy.setFaults({
      script: [{ method: "GET", count: 1, fault: { type: "clock-skew", skewMs: 5 * 60_000 } }],
    });
    const offsetsMs: number[] = [];
    const client = h.client({
      onRetry: (event) => {
        expect(event.retry).toBe("clock_skew");
        offsetsMs.push(client.config.systemClockOffset);
      },
    });
    const out = await client.send(get());
    expect(await out.Body?.transformToString()).toBe("hello world");
    expect(h.proxy.stats.total).toBe(2);
    expect(offsetsMs).toHaveLength(1);
    expect(Math.abs((offsetsMs[0] ?? 0) - 5 * 60_000)).toBeLessThan(60_000);
  });
});
