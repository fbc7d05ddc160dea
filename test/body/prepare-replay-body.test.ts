import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { prepareReplayBody, readErrorBody } from "../../src/index.js";

const text = async (body: BodyInit | null | undefined) => new Response(body).text();

describe("prepareReplayBody", () => {
  it("replays strings, bytes, Blobs and FormData, and knows their size", async () => {
    const form = new FormData();
    form.append("cacheControl", "3600");
    form.append("", new Blob(["abcd"]));
    const cases: [BodyInit | undefined, number | undefined][] = [
      [undefined, 0],
      ["héllo", 6],
      [new Uint8Array([1, 2, 3]), 3],
      [new ArrayBuffer(7), 7],
      [new Blob(["12345"]), 5],
      [form, 4],
      [new URLSearchParams({ a: "1" }), undefined],
    ];
    for (const [input, size] of cases) {
      const body = await prepareReplayBody(input, 16);
      expect(body).toMatchObject({ replayable: true, sizeBytes: size });
      expect(body.forAttempt(1)).toBe(input);
    }
  });

  it("buffers a small stream and re-sends it whole", async () => {
    const body = await prepareReplayBody(new Blob(["0123456789"]).stream(), 10);
    expect(body).toMatchObject({ replayable: true, sizeBytes: 10 });
    expect(await text(body.forAttempt(1))).toBe("0123456789");
    expect(await text(body.forAttempt(1))).toBe("0123456789");
  });

  it("sends a large stream once, whole, and refuses a second send", async () => {
    const body = await prepareReplayBody(new Blob(["0123456789"]).stream(), 3);
    expect(body.replayable).toBe(false);
    expect(await text(body.forAttempt(1))).toBe("0123456789");
    expect(() => body.forAttempt(1)).toThrow(TypeError);
  });

  it("sends other bodies (a Node stream) once", async () => {
    const stream = Readable.from(["a"]) as unknown as BodyInit;
    const body = await prepareReplayBody(stream, 1024);
    expect(body.replayable).toBe(false);
    expect(body.forAttempt(1)).toBe(stream);
  });
});

describe("readErrorBody", () => {
  it("reads a bounded prefix of a clone and leaves the response unread", async () => {
    const response = new Response("x".repeat(100));
    const prefix = await readErrorBody(response, 10);
    expect(prefix?.byteLength).toBe(10);
    expect(response.bodyUsed).toBe(false);
    expect(await response.text()).toHaveLength(100);
  });

  it("reads nothing from a bodiless response", async () => {
    expect(await readErrorBody(new Response(null, { status: 404 }))).toBeUndefined();
  });
});
