// Every recorded Supabase Storage exchange replayed through the real storage-js (2.109 and the
// newest 2.x) with guardFetch over a fetch that answers what the server answered, then unwrap.
import { StorageClient as StorageClient2109 } from "@supabase/storage-js";
import { StorageClient as StorageClientLatest } from "storage-js-latest";
import { describe, expect, it } from "vitest";
import { guardFetch, unwrap } from "../../../src/adapters/supabase/index.js";
import { isStorageError, normalizeResponse, type StorageError } from "../../../src/index.js";
import { createInstantClock } from "../../adapters/instant-clock.js";
import {
  caseName,
  loadReplayCases,
  pickAsserted,
  type ReplayCase,
  type ReplayStep,
  type StorageJsVersion,
} from "./recorded-answers.js";

const STORAGE_URL = "http://127.0.0.1:54321/storage/v1";
const cases = loadReplayCases();

/** A fetch that answers the recorded exchanges in order and notes what differs from them. */
function replayFetch(replay: ReplayCase) {
  const { wire } = replay.recorded;
  const mismatches: string[] = [];
  let next = 0;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const index = next++;
    const exchange = wire[index];
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (
      init?.method ?? (input instanceof Request ? input.method : "GET")
    ).toUpperCase();
    if (exchange === undefined) {
      mismatches.push(`request ${index} (${method} ${url.pathname}) was never recorded`);
      throw new TypeError("fetch failed");
    }
    const path = url.pathname.slice(url.pathname.indexOf("/storage/v1") + "/storage/v1".length);
    const recordedPath = exchange.url.split("?")[0];
    if (method !== exchange.method)
      mismatches.push(`${index}: ${method}, recorded ${exchange.method}`);
    if (!replay.expected.standIn && path !== recordedPath) {
      mismatches.push(`${index}: ${path}, recorded ${recordedPath}`);
    }
    const body = replay.expected.bodies?.[String(index)] ?? exchange.body ?? null;
    return new Response(method === "HEAD" || body === "" ? null : body, {
      status: exchange.status,
      headers: exchange.headers,
    });
  };
  return { fetch, mismatches, requests: () => next };
}

// storage-js 2.109's client stands for both versions here: the methods called have the same shape.
type Client = StorageClient2109;

function createClient(version: StorageJsVersion, fetch: typeof globalThis.fetch): Client {
  const headers = { apikey: "anon", Authorization: "Bearer session-jwt" };
  if (version === "2.109.0") return new StorageClient2109(STORAGE_URL, headers, fetch);
  return new StorageClientLatest(STORAGE_URL, headers, fetch) as unknown as Client;
}

type Options = Record<string, unknown>;

function callStep(
  storage: Client,
  step: ReplayStep,
): PromiseLike<{ data: unknown; error: unknown }> {
  const [a, b, c] = step.args as [unknown, unknown, unknown];
  const file = storage.from(step.bucket ?? "bg-main");
  switch (step.call) {
    case "getBucket":
      return storage.getBucket(a as string);
    case "listBuckets":
      return storage.listBuckets();
    case "createBucket":
      return storage.createBucket(a as string, b as { public: boolean });
    case "deleteBucket":
      return storage.deleteBucket(a as string);
    case "emptyBucket":
      return storage.emptyBucket(a as string);
    case "download":
      return file.download(a as string, b as Options);
    case "info":
      return file.info(a as string);
    case "exists":
      return file.exists(a as string);
    case "remove":
      return file.remove(a as string[]);
    case "list":
      return file.list();
    case "update":
      return file.update(a as string, b as string);
    case "upload":
      return file.upload(a as string, b as string, c as Options);
    case "createSignedUrl":
      return file.createSignedUrl(a as string, b as number);
    case "copy":
      return file.copy(a as string, b as string);
    case "move":
      return file.move(a as string, b as string);
    case "createSignedUploadUrl":
      return file.createSignedUploadUrl(a as string);
    case "uploadToSignedUrl":
      return file.uploadToSignedUrl(a as string, b as string, c as string);
    default:
      throw new Error(`no replay for storage-js call ${step.call}`);
  }
}

function catchError(run: () => unknown): StorageError {
  try {
    run();
  } catch (error) {
    if (isStorageError(error)) return error;
    throw error;
  }
  throw new Error("unwrap returned instead of throwing");
}

async function replayThroughStorageJs(replay: ReplayCase, version: StorageJsVersion) {
  const recorded = replayFetch(replay);
  const clock = createInstantClock();
  const fetch = guardFetch(recorded.fetch, { clock, random: () => 0.5 });
  const storage = createClient(version, fetch);
  const steps = replay.expected.steps;
  let last: { data: unknown; error: unknown } = { data: null, error: null };
  for (const [index, step] of steps.entries()) {
    last = await callStep(storage, step);
    if (index < steps.length - 1) {
      const data = unwrap(last);
      if (step.data !== undefined) expect(data).toMatchObject(step.data as object);
    }
  }
  expect(recorded.mismatches).toEqual([]);
  expect(recorded.requests()).toBe(replay.recorded.wire.length);
  return last;
}

for (const version of ["2.109.0", "2.119.1"] as const) {
  describe(`recorded Supabase answers through storage-js ${version} + guardFetch + unwrap`, () => {
    for (const replay of cases.filter((c) => c.versions.includes(version))) {
      it(caseName(replay), async () => {
        const result = await replayThroughStorageJs(replay, version);
        const { data, error: expected } = replay.expected;
        if (data !== undefined) {
          const value = unwrap(result);
          if (typeof data === "object" && data !== null) expect(value).toMatchObject(data);
          else expect(value).toBe(data);
          return;
        }
        if (expected === undefined) throw new Error("a case needs `error` or `data`");
        const error = catchError(() => unwrap(result));
        expect(pickAsserted(error)).toEqual(expected);
        expect(error.provider).toBe("supabase");
        // Both paths agree, hint included, on the answer storage-js got.
        const final = replay.recorded.wire.at(-1);
        if (final === undefined) throw new Error("a case without exchanges");
        const fromBytes = normalizeResponse({
          status: final.status,
          headers: final.headers,
          body: final.body,
        });
        expect({ ...pickAsserted(error), hint: error.hint }).toEqual({
          ...pickAsserted(fromBytes),
          hint: fromBytes.hint,
        });
      });
    }
  });
}
