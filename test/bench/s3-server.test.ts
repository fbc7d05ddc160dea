import { Readable } from "node:stream";
import {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FaultProxy,
  S3RVER_CREDENTIALS,
  type S3Server,
  startFaultProxy,
  startS3Server,
} from "../../bench/server/index.js";

let server: S3Server;
let proxy: FaultProxy;
let client: S3Client;

beforeAll(async () => {
  server = await startS3Server({ buckets: ["b"] });
  proxy = await startFaultProxy({ upstream: server.endpoint });
  client = new S3Client({
    endpoint: proxy.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client.destroy();
  await proxy.close();
  await server.close();
});

describe("s3rver behind the fault proxy, with @aws-sdk/client-s3", () => {
  it("passes puts, gets and lists through and counts them", async () => {
    proxy.stats.reset();
    await client.send(new PutObjectCommand({ Bucket: "b", Key: "hello.txt", Body: "hello" }));
    const got = await client.send(new GetObjectCommand({ Bucket: "b", Key: "hello.txt" }));
    expect(await got.Body?.transformToString()).toBe("hello");
    const listed = await client.send(new ListObjectsV2Command({ Bucket: "b" }));
    expect(listed.Contents?.map((o) => o.Key)).toContain("hello.txt");
    expect(proxy.stats.total).toBe(3);
    expect(proxy.stats.passed).toBe(3);
    expect(proxy.stats.byMethod).toEqual({ PUT: 1, GET: 2 });
    expect(proxy.stats.byPath["/b/hello.txt"]).toBe(2);
  });

  it("stores stream bodies byte for byte with requestChecksumCalculation WHEN_REQUIRED", async () => {
    const body = Readable.from([Buffer.from("abc"), Buffer.from("def")]);
    await client.send(
      new PutObjectCommand({ Bucket: "b", Key: "s", Body: body, ContentLength: 6 }),
    );
    const got = await client.send(new GetObjectCommand({ Bucket: "b", Key: "s" }));
    expect(await got.Body?.transformToString()).toBe("abcdef");
  });

  it("completes a multipart upload through lib-storage", async () => {
    const data = Buffer.alloc(11 * 1024 * 1024, 7);
    const upload = new Upload({
      client,
      params: { Bucket: "b", Key: "big", Body: data },
      partSize: 5 * 1024 * 1024,
    });
    await upload.done();
    const got = await client.send(new GetObjectCommand({ Bucket: "b", Key: "big" }));
    expect((await got.Body?.transformToByteArray())?.length).toBe(data.length);
  });

  it("answers a second create-only put with 412 (the proxy enforces If-None-Match)", async () => {
    await client.send(
      new PutObjectCommand({ Bucket: "b", Key: "once", Body: "1", IfNoneMatch: "*" }),
    );
    const second = client.send(
      new PutObjectCommand({ Bucket: "b", Key: "once", Body: "2", IfNoneMatch: "*" }),
    );
    await expect(second).rejects.toMatchObject({
      name: "PreconditionFailed",
      $metadata: { httpStatusCode: 412 },
    });
  });

  it("surfaces an injected SlowDown as the SDK's error", async () => {
    proxy.setFaults({
      script: [{ method: "GET", count: 1, fault: { type: "error", error: "slow-down" } }],
    });
    const get = client.send(new GetObjectCommand({ Bucket: "b", Key: "hello.txt" }));
    await expect(get).rejects.toMatchObject({
      name: "SlowDown",
      $metadata: { httpStatusCode: 503 },
    });
    proxy.setFaults({});
  });

  it("rejects requests signed more than 15 minutes off the server clock", async () => {
    proxy.setFaults({ serverClockSkewMs: 30 * 60_000 });
    const get = client.send(new GetObjectCommand({ Bucket: "b", Key: "hello.txt" }));
    await expect(get).rejects.toMatchObject({ name: "RequestTimeTooSkewed" });
    proxy.setFaults({});
  });
});

describe("startS3Server under a GET racing a PUT of the same key", () => {
  it("never serves a body shorter than its Content-Length (objects are replaced atomically)", async () => {
    const s3 = await startS3Server({ buckets: ["race"] });
    try {
      const url = `${s3.endpoint}/race/k`;
      const content = "x".repeat(64 * 1024);
      await fetch(url, { method: "PUT", body: content });
      const writes = Array.from({ length: 40 }, () => fetch(url, { method: "PUT", body: content }));
      const reads = Array.from(
        { length: 40 },
        async () => (await (await fetch(url)).text()).length,
      );
      const [lengths] = await Promise.all([Promise.all(reads), Promise.all(writes)]);
      expect(new Set(lengths)).toEqual(new Set([content.length]));
    } finally {
      await s3.close();
    }
  });
});
