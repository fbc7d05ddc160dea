import { createHash } from "node:crypto";
import { StorageApiError, StorageClient } from "@supabase/storage-js";
import { createClient, type SupabaseClientOptions } from "@supabase/supabase-js";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { guardFetch, type SupabaseGuardOptions } from "../../../src/adapters/supabase/index.js";
import { normalize } from "../../../src/index.js";
import { createInstantClock } from "../instant-clock.js";
import { apiError, STORAGE_URL, sequence } from "./storage-api.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const OBJECT_ID = "8a4c2f0e-0000-4000-8000-000000000001";
const uploaded = () => HttpResponse.json({ Id: OBJECT_ID, Key: "docs/a.txt" });
const failed = () =>
  apiError("500", "internal", "Internal Server Error", { code: "InternalError", httpStatus: 500 });
const duplicate = () =>
  apiError("409", "Duplicate", "The resource already exists", { code: "KeyAlreadyExists" });
// Older servers, still deployed, send no `code`: the label decides.
const legacyDuplicate = () => apiError("409", "Duplicate", "The resource already exists");
const slowDown = () =>
  apiError("429", "SlowDown", "Rate limit exceeded, retry in 1 seconds", {
    code: "SlowDown",
    httpStatus: 429,
  });

function guarded(options: SupabaseGuardOptions = {}) {
  return guardFetch(undefined, { clock: createInstantClock(), random: () => 0.5, ...options });
}

function storage(options: SupabaseGuardOptions = {}) {
  return new StorageClient(
    STORAGE_URL,
    { apikey: "anon", Authorization: "Bearer jwt" },
    guarded(options),
  );
}

const quotedMd5 = (data: string | Uint8Array) =>
  `"${createHash("md5").update(data).digest("hex")}"`;

function objectInfo(size: number, etag?: string) {
  const state = { count: 0, authorization: [] as (string | null)[] };
  const handler = http.get(`${STORAGE_URL}/object/info/docs/a.txt`, ({ request }) => {
    state.count++;
    state.authorization.push(request.headers.get("authorization"));
    return HttpResponse.json({ id: OBJECT_ID, name: "a.txt", bucket_id: "docs", size, etag });
  });
  return { handler, state };
}

describe("guardFetch (supabase): uploads", () => {
  it("reconciles a retried upload refused as Duplicate when the first attempt landed", async () => {
    const upload = sequence("post", "/object/docs/a.txt", ["reset", duplicate]);
    const info = objectInfo(5, quotedMd5("hello"));
    server.use(upload.handler, info.handler);
    const { data, error } = await storage().from("docs").upload("a.txt", "hello");
    expect(error).toBeNull();
    expect(data).toEqual({ path: "a.txt", id: OBJECT_ID, fullPath: "docs/a.txt" });
    expect(upload.state.count).toBe(2);
    expect(upload.state.bodies).toEqual(["hello", "hello"]);
    expect(info.state.count).toBe(1);
    expect(info.state.authorization).toEqual(["Bearer jwt"]);
  });

  it("reconciles Blob (FormData) uploads by the file's MD5", async () => {
    const upload = sequence("post", "/object/docs/a.txt", [failed, legacyDuplicate]);
    const info = objectInfo(3, quotedMd5(new Uint8Array([1, 2, 3])));
    server.use(upload.handler, info.handler);
    const file = new Blob([new Uint8Array([1, 2, 3])], { type: "application/octet-stream" });
    const { data, error } = await storage().from("docs").upload("a.txt", file);
    expect(error).toBeNull();
    expect(data?.id).toBe(OBJECT_ID);
    expect(upload.state.count).toBe(2);
    expect(info.state.count).toBe(1);
  });

  it("reports Duplicate when the stored object's size differs", async () => {
    const upload = sequence("post", "/object/docs/a.txt", ["reset", duplicate]);
    const info = objectInfo(999);
    server.use(upload.handler, info.handler);
    const { error } = await storage().from("docs").upload("a.txt", "hello");
    expect(error).toBeInstanceOf(StorageApiError);
    // storage-js 2.109 keeps neither `code` nor the `Duplicate` label: only the 409 is left.
    expect(normalize(error, { provider: "supabase" })).toMatchObject({
      status: 409,
      retry: "never",
    });
    expect(upload.state.count).toBe(2);
    expect(info.state.count).toBe(1);
  });

  it("does not reconcile when no earlier attempt could have stored the object", async () => {
    const upload = sequence("post", "/object/docs/a.txt", [slowDown, duplicate]);
    const info = objectInfo(5);
    server.use(upload.handler, info.handler);
    const { error } = await storage().from("docs").upload("a.txt", "hello");
    expect(error).toBeInstanceOf(StorageApiError);
    expect(upload.state.count).toBe(2);
    expect(info.state.count).toBe(0);
  });

  it("does not retry a first-attempt Duplicate", async () => {
    const upload = sequence("post", "/object/docs/a.txt", [duplicate]);
    server.use(upload.handler);
    const { error } = await storage().from("docs").upload("a.txt", "hello");
    expect(error).toBeInstanceOf(StorageApiError);
    expect(upload.state.count).toBe(1);
  });

  it("retries an x-upsert: true upload like any idempotent request", async () => {
    const upload = sequence("post", "/object/docs/a.txt", [failed, failed, uploaded]);
    server.use(upload.handler);
    const { error } = await storage().from("docs").upload("a.txt", "hello", { upsert: true });
    expect(error).toBeNull();
    expect(upload.state.count).toBe(3);
  });

  it("does not retry uploads without x-upsert when reconcileUploads is false", async () => {
    const upload = sequence("post", "/object/docs/a.txt", ["reset", uploaded]);
    server.use(upload.handler);
    const { error } = await storage({ reconcileUploads: false })
      .from("docs")
      .upload("a.txt", "hello");
    expect(error).not.toBeNull();
    expect(upload.state.count).toBe(1);
  });

  it("re-sends a small ReadableStream body whole, and sends a large one once", async () => {
    const upload = sequence("post", "/object/docs/a.txt", [failed, uploaded]);
    server.use(upload.handler);
    const headers = { "x-upsert": "true", "content-type": "text/plain" };
    const stream = () => new Blob(["0123456789"]).stream();
    const fetch = guarded({ maxReplayBytes: 16 });
    const url = `${STORAGE_URL}/object/docs/a.txt`;
    const small = await fetch(url, {
      method: "POST",
      headers,
      body: stream(),
      duplex: "half",
    } as RequestInit);
    expect(small.status).toBe(200);
    expect(upload.state.bodies).toEqual(["0123456789", "0123456789"]);

    upload.state.count = 0;
    upload.state.bodies.length = 0;
    const large = await guarded({ maxReplayBytes: 4 })(url, {
      method: "POST",
      headers,
      body: stream(),
      duplex: "half",
    } as RequestInit);
    expect(large.status).toBe(500);
    expect(upload.state.count).toBe(1);
    expect(upload.state.bodies).toEqual(["0123456789"]);
  });
});

describe("guardFetch (supabase): requests that are passed through", () => {
  it("sends TUS resumable requests exactly once", async () => {
    let count = 0;
    server.use(
      http.all(`${STORAGE_URL}/upload/resumable/*`, () => {
        count++;
        return new HttpResponse("bad gateway", { status: 502 });
      }),
    );
    const fetch = guarded();
    const create = await fetch(`${STORAGE_URL}/upload/resumable/`, {
      method: "POST",
      headers: { "upload-length": "5" },
    });
    const patch = await fetch(`${STORAGE_URL}/upload/resumable/abc`, {
      method: "PATCH",
      body: "hello",
    });
    expect([create.status, patch.status]).toEqual([502, 502]);
    expect(count).toBe(2);
  });

  it("does not repeat a failed bucket creation or move", async () => {
    const create = sequence("post", "/bucket", [failed]);
    const move = sequence("post", "/object/move", [failed]);
    server.use(create.handler, move.handler);
    const client = storage();
    expect((await client.createBucket("docs")).error).toBeInstanceOf(StorageApiError);
    expect((await client.from("docs").move("a.txt", "b.txt")).error).toBeInstanceOf(
      StorageApiError,
    );
    expect(create.state.count).toBe(1);
    expect(move.state.count).toBe(1);
  });

  it("returns the final error response with its body unread", async () => {
    const route = sequence("get", "/bucket", [failed]);
    server.use(route.handler);
    const response = await guarded({ maxAttempts: 2 })(`${STORAGE_URL}/bucket`);
    expect(route.state.count).toBe(2);
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toMatchObject({ statusCode: "500", code: "InternalError" });
  });
});

type Transport = NonNullable<NonNullable<SupabaseClientOptions<"public">["realtime"]>["transport"]>;
const UnusedSocket = function unusedSocket(): never {
  throw new Error("realtime is not used in these tests");
} as unknown as Transport;

describe("guardFetch (supabase) with supabase-js", () => {
  it("plugs into createClient's global fetch", async () => {
    const route = sequence("post", "/object/list/docs", ["reset", () => HttpResponse.json([])]);
    server.use(route.handler);
    const supabase = createClient("http://127.0.0.1:54321", "anon-key", {
      global: { fetch: guarded() },
      auth: { persistSession: false, autoRefreshToken: false },
      // Node 20 has no WebSocket; realtime is never connected here.
      realtime: { transport: UnusedSocket },
    });
    const { data, error } = await supabase.storage.from("docs").list();
    expect(error).toBeNull();
    expect(data).toEqual([]);
    expect(route.state.count).toBe(2);
  });
});

describe("guardFetch (supabase): timed-out uploads", () => {
  it("reconciles an upload whose first attempt timed out after storing the object", async () => {
    const calls: string[] = [];
    const fakeFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      calls.push(`${init?.method ?? "GET"} ${url.replace(STORAGE_URL, "")}`);
      if (url.includes("/object/info/")) {
        return HttpResponse.json({ id: OBJECT_ID, size: 5, etag: quotedMd5("hello") });
      }
      // The first attempt stores the object and never answers; the second is refused.
      if (calls.length === 1) return new Promise<Response>(() => undefined);
      return duplicate();
    }) as typeof fetch;
    const fetch = guardFetch(fakeFetch, {
      clock: createInstantClock(),
      random: () => 0.5,
      attemptTimeoutMs: 1000,
    });
    const client = new StorageClient(STORAGE_URL, { Authorization: "Bearer jwt" }, fetch);
    const { data, error } = await client.from("docs").upload("a.txt", "hello");
    expect(error).toBeNull();
    expect(data).toMatchObject({ id: OBJECT_ID, fullPath: "docs/a.txt" });
    expect(calls).toEqual([
      "POST /object/docs/a.txt",
      "POST /object/docs/a.txt",
      "GET /object/info/docs/a.txt",
    ]);
  });
});
