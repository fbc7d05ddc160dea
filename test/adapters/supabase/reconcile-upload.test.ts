import { createHash } from "node:crypto";
import { StorageClient as StorageClient109 } from "@supabase/storage-js";
import { StorageClient as StorageClientLatest } from "storage-js-latest";
import { describe, expect, it } from "vitest";
import { guardFetch } from "../../../src/adapters/supabase/index.js";
import type { GiveUpEvent } from "../../../src/index.js";
import { createInstantClock } from "../instant-clock.js";
import { objectInfo, RECORDED, replay } from "./recorded-answers.js";

const BASE = "http://127.0.0.1:54321/storage/v1";
const OBJECT_ID = "5f0c1a7e-0000-4000-8000-0000000000b1";
const quotedMd5 = (data: string | Uint8Array) =>
  `"${createHash("md5").update(data).digest("hex")}"`;

/**
 * A fetch that plays a server: the first upload is reset before it is answered (undici's
 * "fetch failed"), the second gets the recorded "already exists" answer, and the object's info
 * describes what the key holds.
 */
function scriptedServer(info: (init?: RequestInit) => Response | Promise<Response>) {
  const calls: string[] = [];
  const play = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? "GET";
    calls.push(`${method} ${url.pathname.replace("/storage/v1", "")}`);
    if (url.pathname.includes("/object/info/")) return info(init);
    const uploads = calls.filter((call) => call.startsWith("POST")).length;
    if (uploads === 1) throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
    return replay(RECORDED.uploadExists);
  }) as typeof fetch;
  return { fetch: play, calls };
}

const CLIENTS = [
  ["storage-js 2.109", StorageClient109],
  ["storage-js latest", StorageClientLatest],
] as const;

describe.each(CLIENTS)("Supabase upload answered 409 on a retry (%s)", (_, StorageClient) => {
  const client = (
    server: ReturnType<typeof scriptedServer>,
    giveUps: GiveUpEvent[] = [],
    stallTimeoutMs?: number,
  ) => {
    const fetch = guardFetch(server.fetch, {
      clock: createInstantClock(),
      random: () => 0.5,
      onGiveUp: (event) => giveUps.push(event),
      stallTimeoutMs,
    });
    return new StorageClient(BASE, { apikey: "anon", Authorization: "Bearer jwt" }, fetch);
  };

  it("reports success when the stored object's ETag is the MD5 of the bytes sent", async () => {
    const server = scriptedServer(() =>
      objectInfo({ id: OBJECT_ID, name: "a.txt", size: 5, etag: quotedMd5("hello") }),
    );
    const { data, error } = await client(server).from("bg-main").upload("a.txt", "hello");
    expect(error).toBeNull();
    expect(data).toMatchObject({ id: OBJECT_ID, path: "a.txt", fullPath: "bg-main/a.txt" });
    expect(server.calls).toEqual([
      "POST /object/bg-main/a.txt",
      "POST /object/bg-main/a.txt",
      "GET /object/info/bg-main/a.txt",
    ]);
  });

  it("does NOT report success when the key holds other bytes of the same size", async () => {
    const server = scriptedServer(() =>
      objectInfo({ id: OBJECT_ID, name: "a.txt", size: 5, etag: quotedMd5("HELLO") }),
    );
    const giveUps: GiveUpEvent[] = [];
    const { data, error } = await client(server, giveUps).from("bg-main").upload("a.txt", "hello");
    expect(data).toBeNull();
    expect(error).toMatchObject({ message: "The resource already exists" });
    expect(server.calls).toHaveLength(3);
    expect(giveUps).toHaveLength(1);
    expect(giveUps[0]?.error).toMatchObject({ kind: "already_exists", code: "KeyAlreadyExists" });
    expect(giveUps[0]?.error.hint).toMatch(/^Outcome ambiguous: .*MD5 differs/);
  });

  it("reconciles a Blob upload (sent as FormData) by the file's MD5", async () => {
    const bytes = new Uint8Array([1, 2, 3, 4, 5]);
    const server = scriptedServer(() =>
      objectInfo({ id: OBJECT_ID, name: "a.bin", size: 5, etag: quotedMd5(bytes) }),
    );
    const file = new Blob([bytes], { type: "application/octet-stream" });
    const { data, error } = await client(server).from("bg-main").upload("a.bin", file);
    expect(error).toBeNull();
    expect(data?.id).toBe(OBJECT_ID);
  });

  it("keeps the refusal when the ETag cannot be compared (the file backend's mtime ETag)", async () => {
    const server = scriptedServer(() =>
      objectInfo({ id: OBJECT_ID, name: "a.txt", size: 5, etag: '"19bd6a1f2c0-5"' }),
    );
    const giveUps: GiveUpEvent[] = [];
    const { error } = await client(server, giveUps).from("bg-main").upload("a.txt", "hello");
    expect(error).not.toBeNull();
    expect(giveUps[0]?.error.kind).toBe("already_exists");
    expect(giveUps[0]?.error.hint).toMatch(/ambiguous.*not an MD5/);
  });

  it("keeps the refusal when the object's info cannot be read", async () => {
    const server = scriptedServer(() => new Response("bad gateway", { status: 502 }));
    const giveUps: GiveUpEvent[] = [];
    const { error } = await client(server, giveUps).from("bg-main").upload("a.txt", "hello");
    expect(error).not.toBeNull();
    expect(giveUps[0]?.error.hint).toMatch(/ambiguous.*info could not be read/);
  });

  it("gives up on an info request that never answers, at the stall limit", async () => {
    // Answers only by rejecting once its signal aborts, as fetch does.
    const silent = (init?: RequestInit) =>
      new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      });
    const server = scriptedServer(silent);
    const giveUps: GiveUpEvent[] = [];
    // 5 s: short enough for the instant clock to fire it (it never fires 10 s and more).
    const { error } = await client(server, giveUps, 5000).from("bg-main").upload("a.txt", "hi");
    expect(error).not.toBeNull();
    expect(server.calls.at(-1)).toBe("GET /object/info/bg-main/a.txt");
    expect(giveUps[0]?.error.kind).toBe("already_exists");
    expect(giveUps[0]?.error.hint).toMatch(/ambiguous.*info could not be read/);
  });
});
