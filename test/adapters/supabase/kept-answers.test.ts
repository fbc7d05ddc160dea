// What guardFetch read of an error body reaches unwrap/normalize, with storage-js 2.109 (which
// drops `code` and `error`) and the newest 2.x, without touching storage-js's error objects.
import { StorageClient as StorageClient2109 } from "@supabase/storage-js";
import { setupServer } from "msw/node";
import { StorageClient as StorageClientLatest } from "storage-js-latest";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { guardFetch, type SupabaseResult, unwrap } from "../../../src/adapters/supabase/index.js";
import { ALL_TABLES, lookupCode } from "../../../src/errors/catalogue/index.js";
import { isStorageError, normalize, type StorageError } from "../../../src/index.js";
import { createInstantClock } from "../instant-clock.js";
import { apiError, STORAGE_URL, sequence } from "./storage-api.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const exists = (code: string) =>
  apiError("409", "Duplicate", "The resource already exists", { code });

function thrownBy(run: () => unknown): StorageError {
  try {
    run();
  } catch (error) {
    if (isStorageError(error)) return error;
    throw error;
  }
  throw new Error("nothing thrown");
}

type Client = StorageClient2109;
const headers = { apikey: "anon", Authorization: "Bearer jwt" };
const clients = {
  "2.109": (fetch: typeof globalThis.fetch): Client =>
    new StorageClient2109(STORAGE_URL, headers, fetch),
  latest: (fetch: typeof globalThis.fetch): Client =>
    new StorageClientLatest(STORAGE_URL, headers, fetch) as unknown as Client,
};

const duplicates = [
  {
    name: "a duplicate upload",
    route: sequence("post", "/object/docs/a.txt", [() => exists("KeyAlreadyExists")]),
    run: (storage: Client): Promise<SupabaseResult<unknown>> =>
      storage.from("docs").upload("a.txt", "hello"),
    code: "KeyAlreadyExists",
  },
  {
    name: "a second bucket create",
    route: sequence("post", "/bucket", [() => exists("BucketAlreadyExists")]),
    run: (storage: Client): Promise<SupabaseResult<unknown>> => storage.createBucket("docs"),
    code: "BucketAlreadyExists",
  },
  {
    name: "a move onto an existing key",
    route: sequence("post", "/object/move", [() => exists("ResourceAlreadyExists")]),
    run: (storage: Client): Promise<SupabaseResult<unknown>> =>
      storage.from("docs").move("b.txt", "a.txt"),
    code: "ResourceAlreadyExists",
  },
  {
    name: "createSignedUploadUrl on an existing key",
    route: sequence("post", "/object/upload/sign/docs/a.txt", [() => exists("KeyAlreadyExists")]),
    run: (storage: Client): Promise<SupabaseResult<unknown>> =>
      storage.from("docs").createSignedUploadUrl("a.txt"),
    code: "KeyAlreadyExists",
  },
];

describe.each(Object.entries(clients))("storage-js %s + guardFetch", (_version, create) => {
  it.each(duplicates)("$name is already_exists with the server's code and hint", async (c) => {
    server.use(c.route.handler);
    const storage = create(guardFetch(undefined, { clock: createInstantClock() }));
    const result = await c.run(storage);
    const error = thrownBy(() => unwrap(result));
    expect(error).toMatchObject({
      kind: "already_exists",
      code: c.code,
      providerCode: c.code,
      status: 409,
      retry: "never",
    });
    expect(error.hint).toBe(lookupCode(ALL_TABLES, "supabase", c.code)?.hint);
    expect(error.hint).not.toBeUndefined();
  });
});

describe("what guardFetch kept, and storage-js's objects", () => {
  it("falls back on the fixed message without guardFetch (2.109): the kind, no invented code", async () => {
    server.use(sequence("post", "/bucket", [() => exists("BucketAlreadyExists")]).handler);
    const storage = clients["2.109"](globalThis.fetch);
    const pending = await storage.createBucket("docs");
    const normalized = normalize(pending.error, { provider: "supabase" });
    expect(normalized).toMatchObject({ kind: "already_exists", code: "ResourceAlreadyExists" });
    expect(normalized.providerCode).toBeUndefined();
    expect(normalized.hint).toMatch(/another name|x-upsert/);
  });

  it("leaves the storage-js error as it was, and normalizes a frozen one alike", async () => {
    server.use(sequence("post", "/object/docs/a.txt", [() => exists("KeyAlreadyExists")]).handler);
    const storage = clients["2.109"](guardFetch(undefined, { clock: createInstantClock() }));
    const { error } = await storage.from("docs").upload("a.txt", "hello");
    if (error === null) throw new Error("expected an error");
    const before = { ...error, json: JSON.stringify(error), keys: Reflect.ownKeys(error) };
    Object.freeze(error);
    const first = normalize(error);
    const second = normalize(error);
    expect({ ...error, json: JSON.stringify(error), keys: Reflect.ownKeys(error) }).toEqual(before);
    expect(first).toMatchObject({ code: "KeyAlreadyExists", providerCode: "KeyAlreadyExists" });
    expect(second).toMatchObject({ code: "KeyAlreadyExists", providerCode: "KeyAlreadyExists" });
  });

  it("keeps answers of routes it passes through without retrying (a bucket create)", async () => {
    const route = sequence("post", "/bucket", [() => exists("BucketAlreadyExists")]);
    server.use(route.handler);
    const storage = clients["2.109"](guardFetch(undefined, { clock: createInstantClock() }));
    const result = await storage.createBucket("docs");
    expect(route.state.count).toBe(1);
    expect(thrownBy(() => unwrap(result))).toMatchObject({ providerCode: "BucketAlreadyExists" });
  });
});

describe("unwrap and exists()", () => {
  it.each(Object.entries(clients))(
    "returns false for a missing object (storage-js %s)",
    async (_v, create) => {
      server.use(
        sequence("head", "/object/docs/missing.txt", [() => new Response(null, { status: 400 })])
          .handler,
        sequence("get", "/object/info/docs/missing.txt", [
          () => apiError("404", "not_found", "Object not found", { code: "NoSuchKey" }),
        ]).handler,
      );
      const storage = create(guardFetch(undefined, { clock: createInstantClock() }));
      expect(unwrap(await storage.from("docs").exists("missing.txt"))).toBe(false);
    },
  );

  it("returns true for an object that exists", () => {
    expect(unwrap({ data: true, error: null })).toBe(true);
  });
});
