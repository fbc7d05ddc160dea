import { HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FetchGuardOptions, guardFetch } from "../../../src/adapters/fetch/index.js";
import { isStorageError, type RetryEvent, type StorageError } from "../../../src/index.js";
import { createInstantClock } from "../instant-clock.js";
import { S3_URL, s3Error, sequence } from "./s3-responses.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const ok = () => new HttpResponse("hello", { status: 200 });
const slowDown = () => s3Error(503, "SlowDown", "Please reduce your request rate.");
const internal = () =>
  s3Error(500, "InternalError", "We encountered an internal error. Please try again.");

function guarded(options: FetchGuardOptions = {}) {
  const clock = createInstantClock();
  const retries: RetryEvent[] = [];
  const fetch = guardFetch(undefined, {
    clock,
    random: () => 0.5,
    onRetry: (event) => retries.push(event),
    ...options,
  });
  return { fetch, clock, retries };
}

describe("guardFetch (fetch): retries by class", () => {
  it("retries 503 SlowDown as throttling, then succeeds with the response untouched", async () => {
    const route = sequence("/a.txt", [slowDown, ok]);
    server.use(route.handler);
    const { fetch, retries } = guarded();
    const response = await fetch(`${S3_URL}/a.txt`);
    expect(await response.text()).toBe("hello");
    expect(route.state.count).toBe(2);
    expect(retries.map((r) => [r.error.code, r.retry])).toEqual([["SlowDown", "throttling"]]);
  });

  it("retries 500 InternalError up to 3 attempts and returns the last response unread", async () => {
    const route = sequence("/a.txt", [internal]);
    server.use(route.handler);
    const { fetch, retries } = guarded();
    const response = await fetch(`${S3_URL}/a.txt`);
    expect(route.state.count).toBe(3);
    expect(response.status).toBe(500);
    expect(response.bodyUsed).toBe(false);
    expect(await response.text()).toContain("<Code>InternalError</Code>");
    expect(retries.map((r) => r.retry)).toEqual(["transient", "transient"]);
  });

  it("retries R2's 429 TooManyRequests", async () => {
    const tooMany = () =>
      s3Error(429, "TooManyRequests", "Reduce your concurrent request rate for the same object.");
    const route = sequence("/a.txt", [tooMany, ok]);
    server.use(route.handler);
    const { fetch, retries } = guarded({ provider: "r2" });
    expect((await fetch(`${S3_URL}/a.txt`, { method: "PUT", body: "hello" })).status).toBe(200);
    expect(route.state.count).toBe(2);
    expect(route.state.bodies).toEqual(["hello", "hello"]);
    expect(retries[0]).toMatchObject({ retry: "throttling", error: { kind: "throttled" } });
  });

  it("caps a Retry-After hint at policy.maxHintMs", async () => {
    const route = sequence("/a.txt", [
      () => s3Error(503, "SlowDown", "Slow down", { headers: { "retry-after": "60" } }),
      ok,
    ]);
    server.use(route.handler);
    const { fetch, clock } = guarded({ policy: { maxHintMs: 2000 } });
    await fetch(`${S3_URL}/a.txt`);
    expect(route.state.count).toBe(2);
    expect(clock.delaysMs).toEqual([2000]);
  });

  it("retries reset connections and rethrows the last failure as it came", async () => {
    const route = sequence("/a.txt", ["reset"]);
    server.use(route.handler);
    const { fetch, retries } = guarded();
    const failure = await fetch(`${S3_URL}/a.txt`).catch((error: unknown) => error);
    expect(route.state.count).toBe(3);
    expect(failure).toBeInstanceOf(TypeError);
    expect(isStorageError(failure)).toBe(false);
    expect(retries.map((r) => r.error.kind)).toEqual(["network", "network"]);
  });

  it("does not retry a 404", async () => {
    const route = sequence("/a.txt", [
      () => s3Error(404, "NoSuchKey", "The specified key does not exist."),
    ]);
    server.use(route.handler);
    const { fetch } = guarded();
    expect((await fetch(`${S3_URL}/a.txt`)).status).toBe(404);
    expect(route.state.count).toBe(1);
  });

  it("throws the StorageError, with attempts, under throwOnError", async () => {
    const route = sequence("/a.txt", [internal]);
    server.use(route.handler);
    const { fetch } = guarded({ throwOnError: true });
    const failure = (await fetch(`${S3_URL}/a.txt`).catch(
      (error: unknown) => error,
    )) as StorageError;
    expect(isStorageError(failure)).toBe(true);
    expect(failure).toMatchObject({
      kind: "server_error",
      code: "InternalError",
      gaveUp: "max_attempts",
    });
    expect(failure.attempts).toHaveLength(3);
  });
});

describe("guardFetch (fetch): safety", () => {
  it("does not repeat a POST unless retryPost allows it", async () => {
    const route = sequence("/a.txt", [internal, ok]);
    server.use(route.handler);
    const { fetch } = guarded();
    expect((await fetch(`${S3_URL}/a.txt?uploads`, { method: "POST" })).status).toBe(500);
    expect(route.state.count).toBe(1);

    route.state.count = 0;
    const allowed = guarded({ retryPost: true });
    expect((await allowed.fetch(`${S3_URL}/a.txt?uploads`, { method: "POST" })).status).toBe(200);
    expect(route.state.count).toBe(2);
  });

  it("repeats a POST the server turned away (SlowDown), whatever retryPost says", async () => {
    const route = sequence("/a.txt", [slowDown, ok]);
    server.use(route.handler);
    const { fetch } = guarded();
    const body = "<CompleteMultipartUpload/>";
    expect((await fetch(`${S3_URL}/a.txt?uploadId=u1`, { method: "POST", body })).status).toBe(200);
    expect(route.state.count).toBe(2);
  });

  it("repeats DeleteObjects (POST ?delete) and re-sends its body", async () => {
    const route = sequence("/", [internal, ok]);
    server.use(route.handler);
    const { fetch } = guarded();
    const xml = "<Delete><Object><Key>a.txt</Key></Object></Delete>";
    expect((await fetch(`${S3_URL}/?delete`, { method: "POST", body: xml })).status).toBe(200);
    expect(route.state.bodies).toEqual([xml, xml]);
  });

  it("sends a stream larger than maxReplayBytes once", async () => {
    const route = sequence("/a.txt", [internal, ok]);
    server.use(route.handler);
    const { fetch } = guarded({ maxReplayBytes: 4 });
    const body = new Blob(["0123456789"]).stream();
    const init = { method: "PUT", body, duplex: "half" } as RequestInit;
    expect((await fetch(`${S3_URL}/a.txt`, init)).status).toBe(500);
    expect(route.state.count).toBe(1);
    expect(route.state.bodies).toEqual(["0123456789"]);
  });

  it("does not retry an expired presigned URL, and says why", async () => {
    const expired = () =>
      s3Error(403, "AccessDenied", "Request has expired", {
        extra:
          "<X-Amz-Expires>60</X-Amz-Expires><Expires>2026-11-22T04:00:00Z</Expires><ServerTime>2026-11-22T05:00:00Z</ServerTime>",
      });
    const route = sequence("/a.txt", [expired]);
    server.use(route.handler);
    const { fetch } = guarded({ throwOnError: true });
    const url = `${S3_URL}/a.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=60&X-Amz-Signature=deadbeefcafe`;
    const failure = (await fetch(url).catch((error: unknown) => error)) as StorageError;
    expect(route.state.count).toBe(1);
    expect(failure).toMatchObject({ status: 403, retry: "never", gaveUp: "not_retryable" });
    expect(failure.message).toMatch(/expired/i);
    expect(JSON.stringify(failure)).not.toContain("deadbeefcafe");
  });
});

describe("guardFetch (fetch): aborts", () => {
  it("rejects with the caller's abort reason, like fetch, and sends nothing once aborted", async () => {
    const route = sequence("/a.txt", [ok]);
    server.use(route.handler);
    const { fetch } = guarded();
    const controller = new AbortController();
    controller.abort();
    const failure = await fetch(`${S3_URL}/a.txt`, { signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    expect(failure).toBe(controller.signal.reason);
    expect((failure as DOMException).name).toBe("AbortError");
    expect(route.state.count).toBe(0);
  });

  it("stops retrying when the caller aborts during a backoff", async () => {
    const route = sequence("/a.txt", [internal]);
    server.use(route.handler);
    const controller = new AbortController();
    const { fetch } = guarded({ onRetry: () => controller.abort() });
    const failure = await fetch(`${S3_URL}/a.txt`, { signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    expect((failure as DOMException).name).toBe("AbortError");
    expect(route.state.count).toBe(1);
  });
});

describe("guardFetch (fetch): S3 errors in a 200", () => {
  const copied = () =>
    new HttpResponse("<CopyObjectResult><ETag>&quot;abc&quot;</ETag></CopyObjectResult>", {
      status: 200,
    });
  const errorIn200 = () =>
    new HttpResponse(
      '<?xml version="1.0" encoding="UTF-8"?>\n\n<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>',
      { status: 200 },
    );

  it("retries a CopyObject answered 200 with an <Error> body", async () => {
    const route = sequence("/b.txt", [errorIn200, copied]);
    server.use(route.handler);
    const { fetch, retries } = guarded();
    const init = { method: "PUT", headers: { "x-amz-copy-source": "/docs/a.txt" } };
    const response = await fetch(`${S3_URL}/b.txt`, init);
    expect(await response.text()).toContain("CopyObjectResult");
    expect(route.state.count).toBe(2);
    expect(retries[0]?.error).toMatchObject({ code: "InternalError", retry: "transient" });
  });

  it("does not read other 200 bodies", async () => {
    const route = sequence("/b.txt", [errorIn200]);
    server.use(route.handler);
    const { fetch } = guarded();
    const response = await fetch(`${S3_URL}/b.txt`, { method: "PUT", body: "x" });
    expect(response.status).toBe(200);
    expect(route.state.count).toBe(1);
  });
});

describe("guardFetch (fetch): presign", () => {
  it("re-signs after RequestTimeTooSkewed with the learned clock offset", async () => {
    const skewed = () =>
      s3Error(
        403,
        "RequestTimeTooSkewed",
        "The difference between the request time and the current time is too large.",
        {
          extra:
            "<RequestTime>19700101T000000Z</RequestTime><ServerTime>2026-11-22T05:00:00Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>",
        },
      );
    const route = sequence("/a.txt", [skewed, ok]);
    server.use(route.handler);
    const offsets: number[] = [];
    const { fetch } = guarded({
      presign: (request, { clockOffsetMs }) => {
        offsets.push(clockOffsetMs);
        return request;
      },
    });
    expect((await fetch(`${S3_URL}/a.txt`)).status).toBe(200);
    expect(route.state.count).toBe(2);
    // The instant clock starts at 0 ms: the offset is the server's time itself.
    expect(offsets).toEqual([0, Date.parse("2026-11-22T05:00:00Z")]);
  });
});
