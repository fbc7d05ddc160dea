import { describe, expect, it } from "vitest";
import { byteLengthOf } from "../../../src/adapters/r2/byte-length-of.js";
import { isReadableStream, prepareBody } from "../../../src/adapters/r2/prepare-body.js";
import type { R2PutValue } from "../../../src/adapters/r2/r2-types.js";

function streamOf(...chunks: string[]): R2PutValue {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  }) as unknown as R2PutValue;
}

describe("prepareBody", () => {
  it("returns plain bodies synchronously, replayable as they are", () => {
    const prepared = prepareBody<R2PutValue>("text", { maxReplayBytes: 0 });
    expect(prepared).not.toBeInstanceOf(Promise);
    if (prepared instanceof Promise) return;
    expect([prepared.replayable, prepared.forAttempt(1), prepared.forAttempt(3)]).toEqual([
      true,
      "text",
      "text",
    ]);
  });

  it("buffers a stream within the limit into one byte array", async () => {
    const prepared = await prepareBody(streamOf("ab", "cd"), { maxReplayBytes: 4 });
    expect(prepared.replayable).toBe(true);
    expect(new TextDecoder().decode(prepared.forAttempt(2) as Uint8Array)).toBe("abcd");
  });

  it("hands over the complete stream, not replayable, over the limit", async () => {
    const prepared = await prepareBody(streamOf("ab", "cd", "ef"), { maxReplayBytes: 3 });
    expect(prepared.replayable).toBe(false);
    const sent = prepared.forAttempt(1);
    expect(isReadableStream(sent)).toBe(true);
    expect(await new Response(sent as unknown as ReadableStream).text()).toBe("abcdef");
  });

  it("does not touch a stream when maxReplayBytes is 0", () => {
    const stream = streamOf("x");
    const prepared = prepareBody(stream, { maxReplayBytes: 0 });
    expect(
      prepared instanceof Promise ? undefined : [prepared.replayable, prepared.forAttempt(1)],
    ).toEqual([false, stream]);
  });
});

describe("byteLengthOf", () => {
  it.each([
    ["null", null, 0],
    ["string (UTF-8 bytes)", "é", 2],
    ["ArrayBuffer", new ArrayBuffer(3), 3],
    ["view", new Uint16Array(2), 4],
    ["Blob", new Blob(["abcd"]), 4],
  ] as [string, R2PutValue, number][])("%s", (_name, value, expected) => {
    expect(byteLengthOf(value)).toBe(expected);
  });

  it("is undefined for streams", () => {
    expect(byteLengthOf(streamOf("x"))).toBeUndefined();
  });
});
