import { describe, expect, it } from "vitest";
import { resumeBody } from "../../../src/adapters/aws-sdk/resume-body.js";

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
