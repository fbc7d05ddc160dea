import { StorageApiError, StorageClient, StorageUnknownError } from "@supabase/storage-js";
import { HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  guardFetch,
  type SupabaseGuardOptions,
  unwrap,
} from "../../../src/adapters/supabase/index.js";
import { isStorageError, normalize, type RetryEvent } from "../../../src/index.js";
import { createInstantClock } from "../instant-clock.js";
import { apiError, gatewayPage, STORAGE_URL, sequence } from "./storage-api.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const notFound = () => apiError("404", "not_found", "Object not found", { code: "NoSuchKey" });
const ok = () => HttpResponse.json([{ name: "a.txt" }]);

function client(options: SupabaseGuardOptions = {}) {
  const clock = createInstantClock();
  const retries: RetryEvent[] = [];
  const fetch = guardFetch(undefined, {
    clock,
    random: () => 0.5,
    onRetry: (event) => retries.push(event),
    ...options,
  });
  const storage = new StorageClient(
    STORAGE_URL,
    { apikey: "anon", Authorization: "Bearer jwt" },
    fetch,
  );
  return { storage, clock, retries };
}

const list = (storage: StorageClient) => storage.from("docs").list("folder");

describe("guardFetch (supabase): classification by body", () => {
  it("does not retry a current-format 404 and leaves storage-js's error as it was", async () => {
    const route = sequence("get", "/object/docs/a.txt", [notFound]);
    server.use(route.handler);
    const { storage } = client();
    const { data, error } = await storage.from("docs").download("a.txt");
    expect(data).toBeNull();
    expect(route.state.count).toBe(1);
    expect(error).toBeInstanceOf(StorageApiError);
    // storage-js 2.109 drops the body's `code` (kept since 2.112): the body status still decides.
    const normalized = normalize(error, { provider: "supabase" });
    expect(normalized).toMatchObject({ kind: "not_found", status: 404, retry: "never" });
  });

  it("does not retry no-code and legacy 404 bodies", async () => {
    const legacy = () =>
      HttpResponse.json(
        { statusCode: "404", error: "Bucket not found", message: "Bucket not found" },
        { status: 400 },
      );
    const route = sequence("post", "/object/list/docs", [legacy]);
    server.use(route.handler);
    const { storage } = client();
    const { error } = await list(storage);
    expect(route.state.count).toBe(1);
    expect(normalize(error, { provider: "supabase" })).toMatchObject({
      kind: "not_found",
      status: 404,
    });
  });

  it("retries a body-level 500 sent as HTTP 500 up to 3 attempts, then returns it", async () => {
    const fail = () =>
      apiError("500", "internal", "Internal Server Error", {
        code: "InternalError",
        httpStatus: 500,
      });
    const route = sequence("post", "/object/list/docs", [fail]);
    server.use(route.handler);
    const { storage, retries } = client();
    const { error } = await list(storage);
    expect(route.state.count).toBe(3);
    expect(retries.map((r) => r.retry)).toEqual(["transient", "transient"]);
    expect(error).toBeInstanceOf(StorageApiError);
    expect((error as StorageApiError).status).toBe(500);
  });

  it("retries 544 DatabaseTimeout, then succeeds", async () => {
    const timeout = () =>
      apiError("544", "database_timeout", "Database timeout", {
        code: "DatabaseTimeout",
        httpStatus: 544,
      });
    const route = sequence("post", "/object/list/docs", [timeout, ok]);
    server.use(route.handler);
    const { storage, retries } = client();
    const { data, error } = await list(storage);
    expect(error).toBeNull();
    expect(data).toEqual([{ name: "a.txt" }]);
    expect(route.state.count).toBe(2);
    expect(retries[0]?.error.kind).toBe("timeout");
  });

  it("retries HTML gateway pages (502, 520) and returns the last one untouched", async () => {
    const route = sequence("post", "/object/list/docs", [
      () => gatewayPage(502),
      () => gatewayPage(520),
      () => gatewayPage(502),
    ]);
    server.use(route.handler);
    const { storage } = client();
    const { error } = await list(storage);
    expect(route.state.count).toBe(3);
    expect(error).toBeInstanceOf(StorageApiError);
    expect((error as StorageApiError).status).toBe(502);
  });

  it("waits what 'retry in N seconds' says on a 429", async () => {
    const slow = () =>
      apiError("429", "SlowDown", "Rate limit exceeded, retry in 4 seconds", {
        code: "SlowDown",
        httpStatus: 429,
      });
    const route = sequence("post", "/object/list/docs", [slow, ok]);
    server.use(route.handler);
    const { storage, retries, clock } = client();
    const { error } = await list(storage);
    expect(error).toBeNull();
    expect(route.state.count).toBe(2);
    expect(retries[0]).toMatchObject({ retry: "throttling", delayMs: 4000 });
    expect(clock.delaysMs).toEqual([4000]);
  });

  it("caps a rate-limit hint at policy.maxHintMs", async () => {
    const slow = () =>
      apiError("429", "SlowDown", "Rate limit exceeded, retry in 600 seconds", {
        code: "SlowDown",
        httpStatus: 429,
      });
    const route = sequence("post", "/object/list/docs", [slow, ok]);
    server.use(route.handler);
    const { storage, clock } = client({ policy: { maxHintMs: 5000 } });
    await list(storage);
    expect(route.state.count).toBe(2);
    expect(clock.delaysMs).toEqual([5000]);
  });

  it("retries LockTimeout (503 inside an HTTP 400) and ResourceLocked as conflicts", async () => {
    const lockTimeout = () =>
      apiError("503", "acquiring_lock_timeout", "acquiring lock timeout", { code: "LockTimeout" });
    const locked = () =>
      apiError("423", "resource_locked", "The resource is locked", { code: "ResourceLocked" });
    const route = sequence("post", "/object/list/docs", [lockTimeout, locked, ok]);
    server.use(route.handler);
    const { storage, retries } = client();
    const { error } = await list(storage);
    expect(error).toBeNull();
    expect(route.state.count).toBe(3);
    expect(retries.map((r) => [r.error.code, r.retry])).toEqual([
      ["LockTimeout", "conflict"],
      ["ResourceLocked", "conflict"],
    ]);
  });
});

describe("guardFetch (supabase): network failures", () => {
  it("retries a reset connection, then succeeds", async () => {
    const route = sequence("post", "/object/list/docs", ["reset", ok]);
    server.use(route.handler);
    const { storage, retries } = client();
    const { error } = await list(storage);
    expect(error).toBeNull();
    expect(route.state.count).toBe(2);
    expect(retries[0]?.error.kind).toBe("network");
  });

  it("rethrows the last network failure as it came, so storage-js reports StorageUnknownError", async () => {
    const route = sequence("post", "/object/list/docs", ["reset"]);
    server.use(route.handler);
    const { storage } = client();
    const { error } = await list(storage);
    expect(route.state.count).toBe(3);
    expect(error).toBeInstanceOf(StorageUnknownError);
    expect(isStorageError((error as StorageUnknownError).originalError)).toBe(false);
    expect(normalize(error, { provider: "supabase" })).toMatchObject({
      kind: "network",
      retry: "transient",
    });
  });
});

describe("unwrap", () => {
  it("returns data, and throws a StorageError for storage-js errors and legacy raw bodies", async () => {
    const route = sequence("post", "/object/list/docs", [ok, notFound]);
    server.use(route.handler);
    const { storage } = client();
    expect(unwrap(await list(storage))).toEqual([{ name: "a.txt" }]);
    const result = await list(storage);
    // normalize() takes the whole `{ data, error }` result too.
    expect(normalize(result, { provider: "supabase" })).toMatchObject({
      kind: "not_found",
      status: 404,
    });
    expect(() => unwrap(result)).toThrow(
      expect.objectContaining({ kind: "not_found", status: 404, provider: "supabase" }),
    );
    const legacy = {
      data: null,
      error: { statusCode: "409", error: "Duplicate", message: "The resource already exists" },
    };
    expect(() => unwrap(legacy)).toThrow(
      expect.objectContaining({ kind: "already_exists", status: 409, provider: "supabase" }),
    );
  });

  it("reads the body status of a StorageApiError with and without `code` (2.112+ and older)", () => {
    const withoutCode = new StorageApiError("Object not found", 400, "404");
    expect(normalize(withoutCode, { provider: "supabase" })).toMatchObject({
      kind: "not_found",
      status: 404,
    });
    const withCode = Object.assign(new StorageApiError("Object not found", 400, "404"), {
      code: "NoSuchKey",
    });
    expect(normalize(withCode, { provider: "supabase" })).toMatchObject({
      kind: "not_found",
      code: "NoSuchKey",
    });
  });
});

describe("guardFetch (supabase): aborts", () => {
  it("stops retrying when the caller aborts, and storage-js sees the AbortError", async () => {
    const fail = () =>
      apiError("500", "internal", "Internal Server Error", {
        code: "InternalError",
        httpStatus: 500,
      });
    const route = sequence("post", "/object/list/docs", [fail]);
    server.use(route.handler);
    const controller = new AbortController();
    const { storage } = client({ onRetry: () => controller.abort() });
    const { error } = await storage.from("docs").list("folder", {}, { signal: controller.signal });
    expect(route.state.count).toBe(1);
    expect(error).toBeInstanceOf(StorageUnknownError);
    expect((error as StorageUnknownError).originalError).toMatchObject({ name: "AbortError" });
  });
});
