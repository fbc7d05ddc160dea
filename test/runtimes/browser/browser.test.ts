import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Fault } from "../../../bench/server/index.js";
import { DEFAULT_POLICY } from "../../../src/index.js";
import { shouldRun } from "../availability.js";
import { bundleEntry } from "../bundle.js";
import { BUCKETS, type S3Stack, startS3Stack } from "../s3-stack.js";
import { CHROMIUM_PATH, type RunningChromium, startChromium } from "./chromium.js";
import type { PageGlobals } from "./page-globals.js";
import { type PageServer, startPageServer } from "./page-server.js";

const runs = shouldRun(
  "Browser (Chromium)",
  CHROMIUM_PATH,
  "apt-get install chromium, as .ci/system-packages.sh does",
);

const suite = "Chromium: the core and bucketguard/fetch against s3rver with CORS rules";

describe.runIf(runs)(suite, () => {
  let stack: S3Stack | undefined;
  let pageServer: PageServer | undefined;
  let chromium: RunningChromium | undefined;
  let page: Page;

  const s3 = (): S3Stack => {
    if (!stack) throw new Error("the S3 server did not start");
    return stack;
  };
  // Each test reads a new object: Chromium's HTTP cache would answer a second GET of one.
  let objects = 0;
  const newObject = async (bucket: string) => {
    const key = `k${++objects}`;
    await s3().put(bucket, key, `hello ${bucket}`);
    return { url: `${s3().endpoint}/${bucket}/${key}`, path: `/${bucket}/${key}` };
  };
  const failGets = (path: string, count: number, fault: Fault) =>
    s3().proxy.setFaults({ script: [{ method: "GET", path, count, fault }] });
  // page.evaluate sends only its function's source to the page: there it reaches the bundle
  // through globalThis, not through this module's imports.
  const guardedGet = (url: string, maxAttempts = 3, on: Page = page) =>
    on.evaluate(
      ([url, maxAttempts]) =>
        (globalThis as unknown as PageGlobals).scenarios.guardedGet(url, maxAttempts),
      [url, maxAttempts] as const,
    );

  const browserOf = () => {
    if (!chromium) throw new Error("Chromium did not start");
    return chromium.browser;
  };
  const openTestPage = async (context: BrowserContext): Promise<Page> => {
    const opened = await context.newPage();
    await opened.goto(pageServer?.url ?? "about:blank");
    await opened.waitForFunction(
      () => (globalThis as unknown as PageGlobals).scenarios !== undefined,
    );
    return opened;
  };

  // A setup failure (Chromium missing or not starting) fails every test with its reason.
  let setupError: unknown;
  beforeAll(async () => {
    try {
      stack = await startS3Stack();
      pageServer = await startPageServer(await bundleEntry("./browser/page-entry.ts", "browser"));
      chromium = await startChromium();
      page = await openTestPage(await chromium.browser.newContext());
    } catch (error) {
      setupError = error;
    }
  });

  afterAll(async () => {
    try {
      await chromium?.stop();
    } finally {
      await pageServer?.close();
      await stack?.close();
    }
  });

  beforeEach(() => {
    if (setupError !== undefined) throw setupError;
    s3().proxy.setFaults({});
    s3().proxy.stats.reset();
  });

  it("is a real Chromium, on a page of another origin than the bucket", async () => {
    expect(chromium?.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(new URL(page.url()).origin).not.toBe(new URL(s3().endpoint).origin);
    const outcome = await guardedGet((await newObject(BUCKETS.exposed)).url);
    expect(outcome).toMatchObject({ status: 200, body: "hello exposed", retries: [] });
    expect(outcome.etag).toMatch(/^"[0-9a-f]{32}"$/);
  });

  it("retries a GET after a 503 ServiceUnavailable", async () => {
    const object = await newObject(BUCKETS.exposed);
    failGets(object.path, 1, { type: "error", error: "unavailable" });
    const outcome = await guardedGet(object.url);
    expect(outcome).toMatchObject({ status: 200, body: "hello exposed" });
    expect(outcome.retries).toEqual([
      expect.objectContaining({ attempt: 1, kind: "unavailable", code: "ServiceUnavailable" }),
    ]);
    expect(outcome.retries[0]?.requestId).toEqual(expect.any(String));
    expect(s3().proxy.stats.byFault).toEqual({ unavailable: 1 });
    expect(s3().proxy.stats.total).toBe(2);
  });

  // In a fresh context no connection is idle, so how many requests reach the server is known.
  const inFreshPage = async <T>(use: (fresh: Page) => Promise<T>): Promise<T> => {
    const context = await browserOf().newContext();
    try {
      return await use(await openTestPage(context));
    } finally {
      await context.close();
    }
  };

  it("retries a GET after a connection reset (Chromium's TypeError is network/transient)", async () => {
    const object = await newObject(BUCKETS.exposed);
    failGets(object.path, 1, { type: "reset" });
    const outcome = await inFreshPage((fresh) => guardedGet(object.url, 3, fresh));
    expect(outcome).toMatchObject({ status: 200, body: "hello exposed" });
    expect(outcome.retries).toEqual([
      expect.objectContaining({ kind: "network", code: "NetworkError", retry: "transient" }),
    ]);
    expect(s3().proxy.stats.byFault).toEqual({ reset: 1 });
    expect(s3().proxy.stats.total).toBe(2);
  });

  it("sees Chromium repeat a GET reset on a reused connection itself, then retries", async () => {
    const object = await newObject(BUCKETS.exposed);
    const outcome = await inFreshPage(async (fresh) => {
      await guardedGet(object.url, 3, fresh); // leaves one idle keep-alive connection
      s3().proxy.stats.reset();
      failGets(object.path, 2, { type: "reset" });
      return guardedGet(`${object.url}?again`, 3, fresh);
    });
    expect(outcome).toMatchObject({ status: 200, body: "hello exposed" });
    // Three requests reached the server for two fetch calls: the first reset was repeated by
    // Chromium on a new connection, the second one by bucketguard.
    expect(outcome.retries).toEqual([expect.objectContaining({ kind: "network" })]);
    expect(s3().proxy.stats.byFault).toEqual({ reset: 2 });
    expect(s3().proxy.stats.total).toBe(3);
  });

  it("honours SlowDown's Retry-After when the bucket's CORS rules expose it", async () => {
    const object = await newObject(BUCKETS.exposed);
    failGets(object.path, 1, { type: "error", error: "slow-down", retryAfterS: 7 });
    const outcome = await guardedGet(object.url);
    expect(outcome).toMatchObject({ status: 200, body: "hello exposed" });
    expect(outcome.retries).toEqual([
      expect.objectContaining({
        code: "SlowDown",
        retry: "throttling",
        retryAfterMs: 7000,
        delayMs: 7000,
        provider: "aws", // told by the exposed x-amz-request-id
      }),
    ]);
    expect(outcome.etag).toEqual(expect.any(String));
  });

  it("falls back to its own backoff when Retry-After is not exposed (nor can it read the ETag)", async () => {
    const object = await newObject(BUCKETS.hidden);
    failGets(object.path, 1, { type: "error", error: "slow-down", retryAfterS: 7 });
    const outcome = await guardedGet(object.url);
    expect(outcome).toMatchObject({ status: 200, body: "hello hidden", etag: null });
    expect(outcome.retries).toHaveLength(1);
    const [retry] = outcome.retries;
    // Without its headers the answer is only known to be S3-compatible (pass `provider` to say).
    expect(retry).toMatchObject({
      code: "SlowDown",
      retry: "throttling",
      provider: "s3-compatible",
    });
    expect(retry?.retryAfterMs).toBeUndefined();
    expect(retry?.delayMs).toBeLessThanOrEqual(DEFAULT_POLICY.classes.throttling.baseDelayMs);
    // The server did send the header; only the page may not read it.
    expect(s3().proxy.stats.byFault).toEqual({ "slow-down+retry-after": 1 });
  });

  it("normalizes a refused connection to network/transient", async () => {
    const thrown = await page.evaluate(
      (url) => (globalThis as unknown as PageGlobals).scenarios.rawFetchFailure(url),
      s3().refusedUrl,
    );
    expect(thrown).toMatchObject({
      name: "TypeError",
      kind: "network",
      retry: "transient",
      code: "NetworkError",
    });
    expect(thrown?.message).toMatch(/^Failed to fetch/);
    const outcome = await guardedGet(s3().refusedUrl, 2);
    expect(outcome.thrown).toMatchObject({ name: "TypeError", kind: "network" });
    expect(outcome.retries).toEqual([expect.objectContaining({ kind: "network" })]);
    expect(outcome.gaveUp).toBe("max_attempts");
  });

  it("retries a CORS-blocked answer like a network failure, only up to maxAttempts", async () => {
    // The bucket has no CORS rules: the server answers 200, and the page gets the same
    // TypeError as for a refused connection; nothing in it tells the two apart.
    const outcome = await guardedGet((await newObject(BUCKETS.closed)).url, 3);
    expect(outcome.thrown).toMatchObject({
      name: "TypeError",
      kind: "network",
      retry: "transient",
    });
    expect(outcome.thrown?.message).toMatch(/^Failed to fetch/);
    expect(outcome.retries).toHaveLength(2);
    expect(outcome.gaveUp).toBe("max_attempts");
    expect(s3().proxy.stats.total).toBe(3);
    expect(s3().proxy.stats.passed).toBe(3);
  });

  it("stops at once when the caller aborts during a backoff", async () => {
    const object = await newObject(BUCKETS.exposed);
    failGets(object.path, 5, { type: "error", error: "unavailable" });
    const outcome = await page.evaluate(
      (url) => (globalThis as unknown as PageGlobals).scenarios.abortDuringBackoff(url),
      object.url,
    );
    expect(outcome.thrown).toMatchObject({ name: "AbortError", kind: "aborted", retry: "never" });
    expect(outcome.retries).toHaveLength(1);
    expect(outcome.pendingTimers).toBe(0);
    expect(s3().proxy.stats.total).toBe(1);
  });

  it("stops at once when the caller aborts a request in flight", async () => {
    const object = await newObject(BUCKETS.exposed);
    failGets(object.path, 1, { type: "delay", delayMs: 15_000 });
    await page.evaluate((url) => {
      const scope = globalThis as unknown as PageGlobals;
      scope.inflight = scope.scenarios.startAbortableGet(url);
    }, object.url);
    await vi.waitFor(() => expect(s3().proxy.stats.total).toBe(1), { timeout: 10_000 });
    const outcome = await page.evaluate(() => {
      const { inflight } = globalThis as unknown as PageGlobals;
      inflight?.abort();
      return inflight?.outcome;
    });
    expect(outcome?.thrown).toMatchObject({ name: "AbortError", kind: "aborted" });
    expect(outcome?.retries).toEqual([]);
    expect(s3().proxy.stats.total).toBe(1);
  });
});
