import { describe, expect, it } from "vitest";
import { guardFetch } from "../../../src/adapters/fetch/index.js";
import { createManualClock } from "../../../src/index.js";

// 6,553,600 bytes take 100 s at the 64 KiB/s the stall limit assumes for an upload.
const DECLARED_BYTES = 6_553_600;

/** A fetch that never answers; it rejects with the abort reason, as fetch does. */
function silentFetch(seen: { aborted: boolean }): typeof fetch {
  return ((_input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((_, reject) => {
      init?.signal?.addEventListener("abort", () => {
        seen.aborted = true;
        reject(init.signal?.reason);
      });
    })) as typeof fetch;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("the no-response limit of a streamed upload sent once", () => {
  it("allows the time to send its declared Content-Length, not only stallTimeoutMs", async () => {
    const clock = createManualClock();
    const seen = { aborted: false };
    const guarded = guardFetch(silentFetch(seen), {
      clock,
      stallTimeoutMs: 1000,
      maxReplayBytes: 0,
      maxAttempts: 1,
    });
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const pending = guarded("http://127.0.0.1:1/bucket/key", {
      method: "PUT",
      body: stream,
      headers: { "content-length": String(DECLARED_BYTES) },
      duplex: "half",
    } as RequestInit);
    pending.catch(() => undefined);
    await settle();
    await clock.advance(1000);
    await settle();
    expect(seen.aborted).toBe(false);
    await clock.advance(100_000);
    await settle();
    expect(seen.aborted).toBe(true);
    await expect(pending).rejects.toMatchObject({ kind: "timeout" });
  });
});
