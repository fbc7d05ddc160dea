import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isStorageError } from "../../../src/index.js";
import { makeClient, s3Error } from "./make-client.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface Seen {
  method: string;
  headers: Headers;
  body: string;
}

function scripted(responses: (() => Response)[], seen: Seen[]) {
  return http.all("http://s3.test.local/*", async ({ request }) => {
    seen.push({ method: request.method, headers: request.headers, body: await request.text() });
    const next = responses[Math.min(seen.length - 1, responses.length - 1)];
    return next ? next() : new HttpResponse(null, { status: 599 });
  });
}

const xml = { "content-type": "application/xml" };

describe("bucketguard retry middleware", () => {
  it("retries once, re-signs, and keeps one invocation id with attempt=N; max=M", async () => {
    const seen: Seen[] = [];
    server.use(
      scripted(
        [
          () => new HttpResponse(s3Error("InternalError", "oops"), { status: 500, headers: xml }),
          () => new HttpResponse("hello", { status: 200, headers: { etag: '"abc"' } }),
        ],
        seen,
      ),
    );
    const out = await makeClient().send(new GetObjectCommand({ Bucket: "b", Key: "k" }));
    expect(await out.Body?.transformToString()).toBe("hello");
    expect(seen).toHaveLength(2);
    expect(out.$metadata.attempts).toBe(2);
    expect(out.$metadata.totalRetryDelay).toBe(0);
    const ids = seen.map((s) => s.headers.get("amz-sdk-invocation-id"));
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toBe(ids[0]);
    expect(seen.map((s) => s.headers.get("amz-sdk-request"))).toEqual([
      "attempt=1; max=6",
      "attempt=2; max=6",
    ]);
    for (const s of seen) expect(s.headers.get("authorization")).toMatch(/^AWS4-HMAC-SHA256 /);
  });

  it("gives exactly maxAttempts requests on a persistent failure, and no SDK retry underneath", async () => {
    const seen: Seen[] = [];
    server.use(
      scripted(
        [() => new HttpResponse(s3Error("InternalError", "oops"), { status: 500, headers: xml })],
        seen,
      ),
    );
    const error = await makeClient({ maxAttempts: 4 })
      .send(new GetObjectCommand({ Bucket: "b", Key: "k" }))
      .catch((e: unknown) => e);
    expect(seen).toHaveLength(4);
    expect(isStorageError(error)).toBe(true);
    expect(error).toMatchObject({
      name: "InternalError",
      gaveUp: "max_attempts",
      $fault: "server",
      $metadata: { httpStatusCode: 500, attempts: 4, totalRetryDelay: 0 },
    });
  });

  it("takes the attempt count from policy.maxAttempts too, in the requests and their header", async () => {
    const seen: Seen[] = [];
    server.use(
      scripted(
        [() => new HttpResponse(s3Error("InternalError", "oops"), { status: 500, headers: xml })],
        seen,
      ),
    );
    const error = await makeClient({ policy: { maxAttempts: 2 } })
      .send(new GetObjectCommand({ Bucket: "b", Key: "k" }))
      .catch((e: unknown) => e);
    expect(seen.map((s) => s.headers.get("amz-sdk-request"))).toEqual([
      "attempt=1; max=2",
      "attempt=2; max=2",
    ]);
    expect(error).toMatchObject({ gaveUp: "max_attempts", $metadata: { attempts: 2 } });
  });

  it("throws NoSuchKey as a StorageError that still looks like the SDK exception", async () => {
    const seen: Seen[] = [];
    server.use(
      scripted(
        [
          () =>
            new HttpResponse(s3Error("NoSuchKey", "The specified key does not exist."), {
              status: 404,
              headers: { ...xml, "x-amz-request-id": "4442587FB7D0A2F9" },
            }),
        ],
        seen,
      ),
    );
    const error = await makeClient()
      .send(new GetObjectCommand({ Bucket: "b", Key: "k" }))
      .catch((e: unknown) => e);
    expect(seen).toHaveLength(1);
    expect(error).toMatchObject({
      name: "NoSuchKey",
      kind: "not_found",
      code: "NoSuchKey",
      provider: "aws",
      $fault: "client",
      $metadata: { httpStatusCode: 404, attempts: 1 },
    });
    expect(Object.keys(error as object)).not.toContain("$response");
    expect((error as { $response?: { statusCode: number } }).$response?.statusCode).toBe(404);
    expect((error as Error).cause).toMatchObject({ name: "NoSuchKey" });
  });

  it("sends a replayable body again on each attempt", async () => {
    const seen: Seen[] = [];
    server.use(
      scripted(
        [
          () => new HttpResponse(s3Error("SlowDown", "Reduce"), { status: 503, headers: xml }),
          () => new HttpResponse(null, { status: 200, headers: { etag: '"e"' } }),
        ],
        seen,
      ),
    );
    const out = await makeClient().send(
      new PutObjectCommand({ Bucket: "b", Key: "k", Body: new TextEncoder().encode("payload") }),
    );
    expect(out.ETag).toBe('"e"');
    expect(seen.map((s) => s.body)).toEqual(["payload", "payload"]);
  });

  it("stops at once with kind aborted when the caller's abortSignal fires between attempts", async () => {
    const seen: Seen[] = [];
    server.use(
      scripted(
        [() => new HttpResponse(s3Error("InternalError", "oops"), { status: 500, headers: xml })],
        seen,
      ),
    );
    const controller = new AbortController();
    const error = await makeClient({ onRetry: () => controller.abort() })
      .send(new GetObjectCommand({ Bucket: "b", Key: "k" }), { abortSignal: controller.signal })
      .catch((e: unknown) => e);
    expect(seen).toHaveLength(1);
    expect(error).toMatchObject({ kind: "aborted", gaveUp: "aborted", $metadata: { attempts: 1 } });
  });

  it("does not retry a command that is not idempotent", async () => {
    const seen: Seen[] = [];
    server.use(
      scripted(
        [() => new HttpResponse(s3Error("InternalError", "oops"), { status: 500, headers: xml })],
        seen,
      ),
    );
    const error = await makeClient()
      .send(new CreateBucketCommand({ Bucket: "b" }))
      .catch((e: unknown) => e);
    expect(seen).toHaveLength(1);
    expect(error).toMatchObject({ retry: "transient", gaveUp: "not_idempotent" });
  });
});
