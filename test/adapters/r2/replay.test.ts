import type { R2Bucket, R2ObjectBody } from "@cloudflare/workers-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardBucket } from "../../../src/adapters/r2/index.js";
import { isStorageError } from "../../../src/index.js";
import { createFaultyBucket, networkConnectionLost, R2_FAULTS } from "./faulty-bucket.js";
import { type R2Harness, startMiniflare } from "./start-miniflare.js";

let harness: R2Harness;
beforeAll(async () => {
  harness = await startMiniflare();
});
afterAll(async () => {
  await harness.dispose();
});

const fast = { writeIntervalMs: 0, random: () => 0 };

/** guardBucket gives back the binding's own type: bodies are typed as the binding's put takes them. */
type R2PutValue = Parameters<R2Bucket["put"]>[1];

/** A stream of `chunks` byte chunks of `chunkBytes` bytes each, of unknown length. */
function byteStream(chunks: number, chunkBytes: number): R2PutValue {
  let sent = 0;
  // Node's ReadableStream stands in for the Workers one the binding's types name.
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === chunks) return controller.close();
      controller.enqueue(new Uint8Array(chunkBytes).fill(65 + (sent % 26)));
      sent++;
    },
  }) as unknown as R2PutValue;
}

async function textOf(key: string): Promise<string | undefined> {
  const found = (await harness.bucket.get(key)) as R2ObjectBody | null;
  return found?.text();
}

describe("body replay", () => {
  it.each([
    ["string", "hello"],
    ["ArrayBuffer", new TextEncoder().encode("hello").buffer],
    ["Uint8Array", new TextEncoder().encode("hello")],
    ["Blob", new Blob(["hello"])],
  ] as [string, R2PutValue][])("replays a %s body", async (name, value) => {
    const faulty = createFaultyBucket(harness.bucket);
    faulty.fail("put", R2_FAULTS.internal);
    await guardBucket(faulty.bucket, fast).put(`replay-${name}`, value);
    expect(faulty.calls.put).toBe(2);
    expect(await textOf(`replay-${name}`)).toBe("hello");
  });

  it("buffers a ReadableStream within maxReplayBytes and replays it whole", async () => {
    const faulty = createFaultyBucket(harness.bucket);
    faulty.fail("put", networkConnectionLost());
    const guarded = guardBucket(faulty.bucket, { ...fast, maxReplayBytes: 4096 });
    const stored = await guarded.put("stream-small", byteStream(4, 1000));
    expect(stored?.size).toBe(4000);
    expect(faulty.calls.put).toBe(2);
    expect((await textOf("stream-small"))?.slice(0, 3)).toBe("AAA");
  });

  it("sends a stream over maxReplayBytes once and gives up with body_not_replayable", async () => {
    const faulty = createFaultyBucket(harness.bucket);
    faulty.fail("put", networkConnectionLost());
    const guarded = guardBucket(faulty.bucket, { ...fast, maxReplayBytes: 1500 });
    const error = await guarded.put("stream-big", byteStream(4, 1000)).catch((e: unknown) => e);
    expect(isStorageError(error) && error.gaveUp).toBe("body_not_replayable");
    expect(isStorageError(error) && error.kind).toBe("network");
    expect(faulty.calls.put).toBe(1);
  });

  it("passes the untouched complete stream when over the limit", async () => {
    const faulty = createFaultyBucket(harness.bucket);
    let sent: unknown;
    faulty.bucket.put = (async (_key: string, value: unknown) => {
      sent = value;
      const reader = (value as ReadableStream<Uint8Array>).getReader();
      let total = 0;
      for (let r = await reader.read(); !r.done; r = await reader.read())
        total += r.value.byteLength;
      return { size: total };
    }) as unknown as typeof faulty.bucket.put;
    const stored = await guardBucket(faulty.bucket, { ...fast, maxReplayBytes: 1500 }).put(
      "stream-whole",
      byteStream(4, 1000),
    );
    expect(sent).toBeInstanceOf(ReadableStream);
    expect(stored?.size).toBe(4000);
  });

  it("takes retries' bodies from bodyFactory", async () => {
    const faulty = createFaultyBucket(harness.bucket);
    faulty.fail("put", R2_FAULTS.unavailable);
    const made: string[] = [];
    const guarded = guardBucket(faulty.bucket, {
      ...fast,
      maxReplayBytes: 0,
      bodyFactory: (key) => {
        made.push(key);
        return "fresh";
      },
    });
    await guarded.put("factory", byteStream(1, 10));
    expect(made).toEqual(["factory"]);
    expect(await textOf("factory")).toBe("fresh");
  });

  it("normalizes a stream that fails while buffered, without calling R2", async () => {
    const faulty = createFaultyBucket(harness.bucket);
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new TypeError("source broke"));
      },
    }) as unknown as R2PutValue;
    const error = await guardBucket(faulty.bucket, fast)
      .put("broken", broken)
      .catch((e: unknown) => e);
    expect(isStorageError(error) && error.operation).toBe("put");
    expect(faulty.calls.put).toBeUndefined();
  });
});
