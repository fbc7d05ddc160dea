import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type Dialect,
  type ErrorName,
  type FaultProxy,
  type S3Server,
  startFaultProxy,
  startS3Server,
} from "../../bench/server/index.js";

let server: S3Server;
let proxy: FaultProxy;
let nowMs = 1_700_000_000_000;
const body = "0123456789".repeat(100);

beforeAll(async () => {
  server = await startS3Server({ buckets: ["b"] });
  proxy = await startFaultProxy({ upstream: server.endpoint, nowMs: () => nowMs });
  await fetch(`${proxy.endpoint}/b/k`, { method: "PUT", body });
});

afterAll(async () => {
  await proxy.close();
  await server.close();
});

const get = (path = "/b/k", init?: RequestInit) => fetch(`${proxy.endpoint}${path}`, init);

describe("startFaultProxy", () => {
  it("passes requests through untouched and counts them", async () => {
    proxy.setFaults({});
    proxy.stats.reset();
    const res = await get();
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(body);
    expect(proxy.stats).toMatchObject({ total: 1, passed: 1, byMethod: { GET: 1 } });
    expect(proxy.stats.byPath).toEqual({ "/b/k": 1 });
  });

  it("resets the connection before responding", async () => {
    proxy.setFaults({
      script: [{ method: "GET", path: "/b/k", count: 1, fault: { type: "reset" } }],
    });
    proxy.stats.reset();
    await expect(get()).rejects.toThrow(TypeError);
    expect((await get()).status).toBe(200);
    expect(proxy.stats.byFault).toEqual({ reset: 1 });
    expect(proxy.stats.passed).toBe(1);
  });

  it("truncates a body after announcing its full length", async () => {
    proxy.setFaults({ script: [{ count: 1, fault: { type: "truncate", keepFraction: 0.3 } }] });
    const res = await get();
    expect(res.headers.get("content-length")).toBe(String(body.length));
    await expect(res.text()).rejects.toThrow();
  });

  it.each([
    ["internal", 500, "InternalError"],
    ["slow-down", 503, "SlowDown"],
    ["unavailable", 503, "ServiceUnavailable"],
    ["too-many-requests", 429, "TooManyRequests"],
    ["precondition", 412, "PreconditionFailed"],
  ] as const)("answers %s as aws would", async (error, status, code) => {
    proxy.setFaults({ script: [{ count: 1, fault: { type: "error", error } }] });
    const res = await get();
    expect(res.status).toBe(status);
    const text = await res.text();
    expect(text).toContain(`<Code>${code}</Code>`);
    expect(text).toContain("<RequestId>");
    expect(res.headers.get("x-amz-request-id")).toMatch(/^[0-9A-F]{16}$/);
  });

  it("adds Retry-After only when asked", async () => {
    proxy.setFaults({
      script: [
        { count: 1, fault: { type: "error", error: "too-many-requests", retryAfterS: 2 } },
        { count: 1, fault: { type: "error", error: "too-many-requests" } },
      ],
    });
    proxy.stats.reset();
    expect((await get()).headers.get("retry-after")).toBe("2");
    expect((await get()).headers.get("retry-after")).toBeNull();
    expect(proxy.stats.byFault).toEqual({
      "too-many-requests+retry-after": 1,
      "too-many-requests": 1,
    });
  });

  it("answers RequestTimeTooSkewed with a skewed Date and both times", async () => {
    proxy.setFaults({ script: [{ count: 1, fault: { type: "clock-skew", skewMs: 3_600_000 } }] });
    const res = await get("/b/k", { headers: { "x-amz-date": "20231114T221320Z" } });
    expect(res.status).toBe(403);
    expect(Date.parse(res.headers.get("date") ?? "")).toBe(nowMs + 3_600_000 - (nowMs % 1000));
    const text = await res.text();
    expect(text).toContain("<Code>RequestTimeTooSkewed</Code>");
    expect(text).toContain("<RequestTime>20231114T221320Z</RequestTime>");
    expect(text).toContain("<ServerTime>2023-11-14T23:13:20Z</ServerTime>");
  });

  it("stalls: headers and part of the body, then silence until the client gives up", async () => {
    proxy.setFaults({ script: [{ count: 1, fault: { type: "stall", keepFraction: 0.3 } }] });
    const controller = new AbortController();
    const res = await get("/b/k", { signal: controller.signal });
    expect(res.headers.get("content-length")).toBe(String(body.length));
    const reader = res.body?.getReader();
    const first = await reader?.read();
    expect(first?.value?.byteLength).toBe(body.length * 0.3);
    // Nothing more comes and the connection stays open: only the abort ends the next read.
    const next = reader?.read();
    expect(proxy.openConnections()).toBeGreaterThanOrEqual(1);
    controller.abort();
    await expect(next).rejects.toThrow();
  });

  it("stalls before any byte with headers: false", async () => {
    proxy.setFaults({ script: [{ count: 1, fault: { type: "stall", headers: false } }] });
    const controller = new AbortController();
    const res = get("/b/k", { signal: controller.signal });
    await vi.waitFor(() => expect(proxy.stats.byFault.stall).toBe(1));
    controller.abort();
    await expect(res).rejects.toThrow();
    proxy.stats.reset();
  });

  it("delays, then forwards", async () => {
    proxy.setFaults({ script: [{ count: 1, fault: { type: "delay", delayMs: 5 } }] });
    proxy.stats.reset();
    expect(await (await get()).text()).toBe(body);
    expect(proxy.stats.byFault).toEqual({ delay: 1 });
  });

  it("answers CompleteMultipartUpload with 200 and an Error body, and only that", async () => {
    proxy.setFaults({ pick: () => ({ type: "complete-200-error" }) });
    expect((await get()).status).toBe(200);
    const res = await get("/b/k?uploadId=abc", { method: "POST", body: "<x/>" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<Error><Code>InternalError</Code>");
  });

  it("answers 503 for every request inside the outage window only", async () => {
    proxy.setFaults({ outage: { fromMs: 1000, toMs: 3000 } });
    proxy.stats.reset();
    expect((await get()).status).toBe(200);
    nowMs += 1000;
    expect((await get()).status).toBe(503);
    nowMs += 1999;
    expect((await get()).status).toBe(503);
    nowMs += 1;
    expect((await get()).status).toBe(200);
    expect(proxy.stats.byFault).toEqual({ outage: 2 });
  });

  it("answers SlowDown beyond capacity and recovers as tokens refill", async () => {
    proxy.setFaults({ capacity: { requestsPerSecond: 10, burst: 2 } });
    proxy.stats.reset();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get()).status);
    expect(statuses).toEqual([200, 200, 503]);
    nowMs += 100;
    expect((await get()).status).toBe(200);
    expect(proxy.stats.byFault).toEqual({ capacity: 1 });
  });

  it("draws the same random faults for the same seed", async () => {
    const run = async () => {
      proxy.setFaults({
        random: {
          seed: 42,
          faults: [
            { fault: { type: "error", error: "internal" }, rate: 0.3 },
            { fault: { type: "error", error: "slow-down" }, rate: 0.2 },
          ],
        },
      });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await get()).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first.filter((s) => s === 500).length).toBeGreaterThan(4);
    expect(first.filter((s) => s === 503).length).toBeGreaterThan(2);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(10);
  });

  it("answers 412 to a create-only put of an existing key", async () => {
    proxy.setFaults({});
    const put = (key: string) =>
      get(`/b/${key}`, { method: "PUT", body: "x", headers: { "if-none-match": "*" } });
    expect((await put("fresh")).status).toBe(200);
    expect((await put("fresh")).status).toBe(412);
  });
});

describe.each<[Dialect, ErrorName, number, string, string]>([
  ["r2", "slow-down", 429, "<Code>TooManyRequests</Code>", "cf-ray"],
  ["r2", "unauthorized", 401, "<Code>Unauthorized</Code>", "cf-ray"],
  [
    "supabase-s3",
    "slow-down",
    429,
    "<Resource>b/k</Resource><Code>SlowDown</Code>",
    "content-type",
  ],
  ["ibm", "internal", 500, "<httpStatusCode>500</httpStatusCode>", "x-clv-request-id"],
  ["yandex", "precondition", 412, "<Code>Precondition Failed</Code>", "x-amz-request-id"],
  ["yandex", "too-many-requests", 429, "<Code>TooManyRequests</Code>", "x-amz-request-id"],
])("dialect %s", (dialect, error, status, fragment, header) => {
  it(`writes ${error} as ${status} with ${fragment}`, async () => {
    const dialectProxy = await startFaultProxy({
      upstream: server.endpoint,
      dialect,
      faults: { pick: () => ({ type: "error", error }) },
    });
    try {
      const res = await fetch(`${dialectProxy.endpoint}/b/k`);
      expect(res.status).toBe(status);
      expect(await res.text()).toContain(fragment);
      expect(res.headers.get(header)).not.toBeNull();
    } finally {
      await dialectProxy.close();
    }
  });
});
