import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { resumeBody } from "../../../src/adapters/aws-sdk/resume-body.js";
import { createManualClock } from "../../../src/index.js";

const bytes = (text: string) => new TextEncoder().encode(text);

async function* pieces(parts: string[], failAfter = false) {
  for (const part of parts) yield bytes(part);
  if (failAfter) throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
}

describe("resumeBody", () => {
  it("resumes a body that ended short of its Content-Length from the byte it reached", async () => {
    const offsets: number[] = [];
    const body = resumeBody(pieces(["hello "]), {
      expectedBytes: 11,
      maxResumes: 3,
      fetchFrom: async (offset) => {
        offsets.push(offset);
        return pieces(["world"]);
      },
    });
    expect(await body.transformToString()).toBe("hello world");
    expect(offsets).toEqual([6]);
  });

  it("gives up with the read error once maxResumes is spent", async () => {
    const body = resumeBody(pieces(["a"], true), {
      expectedBytes: 10,
      maxResumes: 2,
      fetchFrom: async () => pieces(["b"], true),
    });
    await expect(body.transformToByteArray()).rejects.toThrow("socket hang up");
  });

  it("decodes with the encoding transformToString is given", async () => {
    const body = resumeBody(pieces(["hi"]), {
      expectedBytes: 2,
      maxResumes: 0,
      fetchFrom: async () => pieces([]),
    });
    expect(await body.transformToString("base64")).toBe("aGk=");
  });
});

describe("resumeBody stall limit (manual clock)", () => {
  /** Half the bytes, then silence: the source never ends nor errors by itself. */
  function halfThenSilence(text: string): Readable {
    const source = new Readable({ read() {} });
    source.push(bytes(text.slice(0, text.length / 2)));
    return source;
  }

  it("resumes a body that went silent from the byte it reached", async () => {
    const clock = createManualClock();
    const offsets: number[] = [];
    const source = halfThenSilence("0123456789");
    const body = resumeBody(source, {
      expectedBytes: 10,
      maxResumes: 3,
      stall: { ms: 1000, clock },
      fetchFrom: async (offset) => {
        offsets.push(offset);
        return pieces(["56789"]);
      },
    });
    const text = body.transformToString();
    await clock.advance(999);
    expect(offsets).toEqual([]);
    await clock.advance(1);
    expect(await text).toBe("0123456789");
    expect(offsets).toEqual([5]);
    expect(source.destroyed).toBe(true);
    expect(clock.pending).toBe(0);
  });

  it("fails as a transient timeout when no resume is left", async () => {
    const clock = createManualClock();
    const body = resumeBody(halfThenSilence("0123456789"), {
      expectedBytes: 10,
      maxResumes: 0,
      stall: { ms: 1000, clock },
      fetchFrom: async () => pieces([]),
    });
    const result = body.transformToByteArray().catch((e: unknown) => e);
    await clock.advance(1000);
    expect(await result).toMatchObject({ kind: "timeout", retry: "transient" });
  });

  it("does not count time the reader holds the body back", async () => {
    const clock = createManualClock();
    const source = new Readable({ read() {} });
    source.push(new Uint8Array(64 * 1024));
    const body = resumeBody(source, {
      expectedBytes: 128 * 1024,
      maxResumes: 0,
      stall: { ms: 1000, clock },
      fetchFrom: async () => pieces([]),
    });
    await clock.advance(5000);
    expect(body.destroyed).toBe(false);
    source.push(new Uint8Array(64 * 1024));
    source.push(null);
    expect((await body.transformToByteArray()).byteLength).toBe(128 * 1024);
  });

  it("resumes a source that was torn down before it was handed over", async () => {
    const source = halfThenSilence("0123456789");
    source.destroy();
    const body = resumeBody(source, {
      expectedBytes: 10,
      maxResumes: 1,
      fetchFrom: async (offset) => pieces(["0123456789".slice(offset)]),
    });
    expect(await body.transformToString()).toBe("0123456789");
  });
});
