// The AWS SDK plugin against a real Ceph RADOS Gateway (radosgw 16.2) started on 127.0.0.1.
// vitest.config.ts leaves this file out (saying so) where the Ceph packages are missing, except
// in CI, where a server that cannot start fails the suite with the reason.
import { createHash } from "node:crypto";
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type FaultProxy, startFaultProxy } from "../../../bench/server/index.js";
import { type RgwServer, startRgw, stopRgw } from "../../../scripts/rgw/rgw-server.js";
import { DEFAULT_SDK_MAX_ATTEMPTS } from "../../../src/adapters/aws-sdk/retry-middleware.js";
import { isRgwRequestId } from "../../../src/errors/detect-provider.js";
import {
  isStorageError,
  normalize,
  normalizeResponse,
  type StorageError,
} from "../../../src/index.js";
import { createInstantClock } from "../../adapters/aws-sdk/integration/harness.js";
import { makeRgwClient, type RgwClient, type RgwClientOptions } from "./clients.js";
import { type CaseWorld, ERROR_CASES, type ErrorCase, type RgwUser } from "./error-cases.js";
import { credentialsOf, makeWorld } from "./world.js";

const START_TIMEOUT_MS = 180_000;

let server: RgwServer | undefined;
let world: CaseWorld;
const clients: S3Client[] = [];

function rgw(): RgwServer {
  if (server === undefined) throw new Error("radosgw is not running");
  return server;
}

function client(user: RgwUser = "tester", options: RgwClientOptions = {}): RgwClient {
  const made = makeRgwClient(rgw().endpoint, credentialsOf(rgw(), user), options);
  clients.push(made.client);
  return made;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function bytesOf(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) & 0xff;
  return bytes;
}

beforeAll(async () => {
  server = await startRgw();
  world = await makeWorld(server, {
    tester: client("tester", { plugin: false }).client,
    oneBucket: client("oneBucket", { plugin: false }).client,
    quota: client("quota", { plugin: false }).client,
  });
}, START_TIMEOUT_MS);

afterAll(async () => {
  for (const made of clients) made.destroy();
  if (server !== undefined) await stopRgw(server.dir);
});

/** What every path must agree on for one case. */
function expectReading(err: StorageError, c: ErrorCase, wireCode: string | undefined) {
  expect(err).toMatchObject({
    kind: c.kind,
    code: c.code,
    retry: c.retry,
    status: c.status,
    provider: "ceph",
  });
  expect(err.providerCode).toBe(wireCode);
  expect(isRgwRequestId(err.requestId), String(err.requestId)).toBe(true);
}

describe("radosgw: every error it answers, through the plugin, normalize and normalizeResponse", () => {
  it.each(ERROR_CASES.map((c) => [c.title, c] as const))("%s", async (_title, c) => {
    // A deterministic transient answer (BadDigest) trips the budget's breaker after five; the
    // sixth attempt goes out as its probe, still within maxAttempts.
    const guarded = client(c.user, { plugin: { clock: createInstantClock() } });
    const thrown = await failure(c.run(guarded.client, world));
    const raw = guarded.recording.answers().at(-1);
    if (raw === undefined) throw new Error("no error answer was recorded");
    const wireCode = c.wireCode === null ? undefined : (c.wireCode ?? c.code);
    expect(raw.status).toBe(c.status);
    expect(raw.headers.server).toBeUndefined();

    // The plugin: a StorageError that still looks like the SDK exception.
    if (!isStorageError(thrown)) throw new Error(`not a StorageError: ${String(thrown)}`);
    expectReading(thrown, c, wireCode);
    expect(thrown.requestId).toBe(raw.headers["x-amz-request-id"]);
    const sdkFields = thrown as StorageError & { $metadata?: Record<string, unknown> };
    expect(sdkFields.$metadata).toMatchObject({
      httpStatusCode: c.status,
      requestId: raw.headers["x-amz-request-id"],
    });
    if (wireCode !== undefined) expect(thrown.name).toBe(wireCode);
    const attempts = c.retry === "never" ? 1 : DEFAULT_SDK_MAX_ATTEMPTS;
    expect(sdkFields.$metadata?.attempts).toBe(attempts);
    expect(guarded.recording.answers()).toHaveLength(attempts);
    expect(guarded.recording.requests()).toBe((c.setupRequests ?? 0) + attempts);

    // The same bytes as a raw response.
    expectReading(normalizeResponse(raw), c, wireCode);

    // The bare SDK exception, without the plugin.
    const bare = client(c.user, { plugin: false });
    const sdkError = await failure(c.run(bare.client, world));
    expect(isStorageError(sdkError)).toBe(false);
    expectReading(normalize(sdkError), c, wireCode);
  });
});

describe("radosgw: retries that must succeed", () => {
  it("learns the clock offset from RequestTimeTooSkewed and succeeds on the second request", async () => {
    const skewMs = -20 * 60_000; // radosgw refuses signatures more than 15 minutes off
    const bare = client("tester", { plugin: false, config: { systemClockOffset: skewMs } });
    const refused = await failure(
      bare.client.send(new GetObjectCommand({ Bucket: world.bucket, Key: world.key })),
    );
    expect(normalize(refused)).toMatchObject({ kind: "clock_skew", retry: "clock_skew" });

    const guarded = client("tester", { plugin: {}, config: { systemClockOffset: skewMs } });
    const out = await guarded.client.send(
      new GetObjectCommand({ Bucket: world.bucket, Key: world.key }),
    );
    expect(await out.Body?.transformToString()).toBe(world.body);
    expect(guarded.recording.requests()).toBe(2);
    expect(guarded.recording.answers().map((a) => a.status)).toEqual([403]);
    expect(guarded.recording.answers()[0]?.body).toContain("<Code>RequestTimeTooSkewed</Code>");
    expect(Math.abs(guarded.client.config.systemClockOffset ?? skewMs)).toBeLessThan(60_000);
  });

  it("recognises clock skew on a HEAD, whose 403 has no body, by the Date header", async () => {
    // A machine whose clock runs 20 minutes fast: only Date is faked, timers stay real.
    vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
    vi.setSystemTime(Date.now() + 20 * 60_000);
    try {
      const guarded = client("tester", { plugin: {} });
      const out = await guarded.client.send(
        new HeadObjectCommand({ Bucket: world.bucket, Key: world.key }),
      );
      expect(out.ContentLength).toBe(world.body.length);
      expect(guarded.recording.answers().map((a) => [a.status, a.body])).toEqual([[403, ""]]);
      expect(guarded.recording.requests()).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("does not retry QuotaExceeded or TooManyBuckets", async () => {
    const quota = client("quota", { plugin: {} });
    const overQuota = await failure(
      quota.client.send(new PutObjectCommand({ Bucket: world.quotaBucket, Key: "q2", Body: "2" })),
    );
    expect(overQuota).toMatchObject({ code: "QuotaExceeded", retry: "never" });
    const buckets = client("oneBucket", { plugin: {} });
    const tooMany = await failure(
      buckets.client.send(new CreateBucketCommand({ Bucket: world.fresh("more") })),
    );
    expect(tooMany).toMatchObject({ code: "TooManyBuckets", retry: "never" });
    expect([quota.recording.requests(), buckets.recording.requests()]).toEqual([1, 1]);
  });
});

describe("radosgw behind the fault proxy", () => {
  let proxy: FaultProxy;

  beforeAll(async () => {
    proxy = await startFaultProxy({ upstream: rgw().endpoint });
  });

  afterAll(async () => {
    await proxy.close();
  });

  const throughProxy = () =>
    client("tester", { endpoint: proxy.endpoint, plugin: { clock: createInstantClock() } });

  it("resumes a download cut in the middle and returns every byte once", async () => {
    const data = bytesOf(1024 * 1024 + 7, 3);
    const key = "resume.bin";
    await client().client.send(
      new PutObjectCommand({ Bucket: world.bucket, Key: key, Body: data }),
    );
    const ranges: (string | undefined)[] = [];
    proxy.setFaults({
      pick: (req) => {
        if (req.method !== "GET") return undefined;
        ranges.push(req.headers.range as string | undefined);
        return ranges.length === 1 ? { type: "truncate", keepFraction: 0.4 } : undefined;
      },
    });
    const guarded = throughProxy();
    const out = await guarded.client.send(new GetObjectCommand({ Bucket: world.bucket, Key: key }));
    const body = await out.Body?.transformToByteArray();
    expect(body?.length).toBe(data.length);
    expect(sha256(body ?? new Uint8Array())).toBe(sha256(data));
    expect(ranges).toEqual([undefined, expect.stringMatching(/^bytes=\d+-$/)]);
    expect(guarded.recording.requests()).toBe(2);
  });

  it("uploads 12 MiB with lib-storage's Upload through resets and 500s, byte for byte", async () => {
    const data = bytesOf(12 * 1024 * 1024 + 5, 9);
    const key = "upload-faults.bin";
    let parts = 0;
    proxy.setFaults({
      pick: (req) => {
        if (req.method !== "PUT" || !/partNumber=/.test(req.query)) return undefined;
        parts += 1;
        if (parts === 1) return { type: "reset" };
        if (parts === 3) return { type: "error", error: "internal" };
        return undefined;
      },
    });
    const guarded = throughProxy();
    const upload = new Upload({
      client: guarded.client,
      params: { Bucket: world.bucket, Key: key, Body: data },
      partSize: 5 * 1024 * 1024,
      queueSize: 1,
    });
    await upload.done();
    const back = await client().client.send(
      new GetObjectCommand({ Bucket: world.bucket, Key: key }),
    );
    // lib-storage reads no ETag from radosgw's CompleteMultipartUpload answer: ask the object.
    expect(back.ETag).toMatch(/-3"$/);
    const body = await back.Body?.transformToByteArray();
    expect(sha256(body ?? new Uint8Array())).toBe(sha256(data));
    // 3 parts + 2 repeated, CreateMultipartUpload and CompleteMultipartUpload.
    expect(parts).toBe(5);
    expect(guarded.recording.requests()).toBe(7);
    proxy.setFaults({});
  });

  it("retries a listing through a 503 and a reset", async () => {
    let lists = 0;
    proxy.setFaults({
      pick: (req) => {
        if (req.method !== "GET" || !/list-type=2/.test(req.query)) return undefined;
        lists += 1;
        if (lists === 1) return { type: "error", error: "unavailable" };
        if (lists === 2) return { type: "reset" };
        return undefined;
      },
    });
    const guarded = throughProxy();
    const out = await guarded.client.send(new ListObjectsV2Command({ Bucket: world.bucket }));
    expect(out.Contents?.map((o) => o.Key)).toContain(world.key);
    expect(guarded.recording.requests()).toBe(3);
    proxy.setFaults({});
  });
});

describe("radosgw behind the fault proxy: a conditional write whose answer is lost", () => {
  let proxy: FaultProxy;
  let puts = 0;

  beforeAll(async () => {
    proxy = await startFaultProxy({ upstream: rgw().endpoint });
  });

  afterAll(async () => {
    await proxy.close();
  });

  /**
   * radosgw answers If-None-Match itself (the proxy's own check for s3rver is off). The first
   * PUT of `key` gets `fault`; later ones pass.
   */
  const faultFirstPut = (key: string, fault: "lost-answer" | "reset") => {
    puts = 0;
    proxy.setFaults({
      enforceIfNoneMatch: false,
      pick: (req) => {
        if (req.method !== "PUT" || !req.path.endsWith(`/${key}`)) return undefined;
        puts += 1;
        return puts === 1 ? { type: fault } : undefined;
      },
    });
  };

  const throughProxy = () =>
    client("tester", { endpoint: proxy.endpoint, plugin: { clock: createInstantClock() } });

  it("proves the landed write by its MD5 against radosgw's 412 and answers its ETag", async () => {
    const key = "lost-answer-landed.txt";
    const body = new TextEncoder().encode("written once, answer lost");
    faultFirstPut(key, "lost-answer");
    const guarded = throughProxy();
    const out = await guarded.client.send(
      new PutObjectCommand({ Bucket: world.bucket, Key: key, Body: body, IfNoneMatch: "*" }),
    );
    const md5 = createHash("md5").update(body).digest("hex");
    expect(out.ETag?.replace(/"/g, "")).toBe(md5);
    expect(out.$metadata.attempts).toBe(2);
    // The PUT that landed, the retry radosgw refused with 412, the HEAD that proved it.
    expect(guarded.recording.requests()).toBe(3);
    const head = await client().client.send(
      new HeadObjectCommand({ Bucket: world.bucket, Key: key }),
    );
    expect(head.ETag?.replace(/"/g, "")).toBe(md5);
  });

  it("a CompleteMultipartUpload whose answer is lost: radosgw completes the retry again (200)", async () => {
    const key = "lost-answer-multipart.bin";
    const data = bytesOf(5 * 1024 * 1024 + 11, 5);
    let completes = 0;
    proxy.setFaults({
      enforceIfNoneMatch: false,
      pick: (req) => {
        if (req.method !== "POST" || !/uploadId=/.test(req.query)) return undefined;
        completes += 1;
        return completes === 1 ? { type: "lost-answer" } : undefined;
      },
    });
    const guarded = throughProxy();
    const upload = new Upload({
      client: guarded.client,
      params: { Bucket: world.bucket, Key: key, Body: data },
      partSize: 5 * 1024 * 1024,
      queueSize: 1,
    });
    await upload.done();
    // Pacific answers a repeated Complete of an upload it already completed with 200, not
    // NoSuchUpload: the retry itself succeeds, and no reconciliation is needed.
    expect(completes).toBe(2);
    const back = await client().client.send(
      new GetObjectCommand({ Bucket: world.bucket, Key: key }),
    );
    expect(back.ETag).toMatch(/-2"$/);
    const body = await back.Body?.transformToByteArray();
    expect(sha256(body ?? new Uint8Array())).toBe(sha256(data));
  });

  it("keeps the 412, marked ambiguous, when the key holds other bytes of the same size", async () => {
    const key = "lost-answer-other.txt";
    await client().client.send(
      new PutObjectCommand({ Bucket: world.bucket, Key: key, Body: "other bytes, same size!!" }),
    );
    faultFirstPut(key, "reset");
    const guarded = throughProxy();
    const error = await failure(
      guarded.client.send(
        new PutObjectCommand({
          Bucket: world.bucket,
          Key: key,
          Body: "these bytes, same size!!",
          IfNoneMatch: "*",
        }),
      ),
    );
    expect(error).toMatchObject({ kind: "precondition_failed", status: 412 });
    expect((error as StorageError).hint).toMatch(/^Outcome ambiguous/);
  });
});

describe("radosgw 16.2: conditional writes", () => {
  it("refuses If-None-Match: * on an existing key with 412, and the plugin does not retry it", async () => {
    const guarded = client("tester", { plugin: {} });
    const err = await failure(
      guarded.client.send(
        new PutObjectCommand({ Bucket: world.bucket, Key: world.key, Body: "x", IfNoneMatch: "*" }),
      ),
    );
    expect(err).toMatchObject({ kind: "precondition_failed", provider: "ceph", status: 412 });
    expect(guarded.recording.requests()).toBe(1);
  });

  it("creates with If-None-Match: * when the key is free", async () => {
    const key = `create-only-${Date.now()}.txt`;
    const out = await client("tester", { plugin: {} }).client.send(
      new PutObjectCommand({ Bucket: world.bucket, Key: key, Body: "first", IfNoneMatch: "*" }),
    );
    expect(out.ETag).toMatch(/^"[0-9a-f]{32}"$/);
  });

  it("compares PUT If-Match without the ETag's quotes: the SDK's quoted ETag never matches", async () => {
    const key = "if-match.txt";
    const s3 = client("tester", { plugin: {} }).client;
    const { ETag } = await s3.send(
      new PutObjectCommand({ Bucket: world.bucket, Key: key, Body: "1" }),
    );
    const quoted = await failure(
      s3.send(new PutObjectCommand({ Bucket: world.bucket, Key: key, Body: "2", IfMatch: ETag })),
    );
    expect(quoted).toMatchObject({ kind: "precondition_failed", status: 412 });
    const bare = ETag?.replace(/"/g, "");
    const out = await s3.send(
      new PutObjectCommand({ Bucket: world.bucket, Key: key, Body: "2", IfMatch: bare }),
    );
    expect(out.ETag).not.toBe(ETag);
  });
});
