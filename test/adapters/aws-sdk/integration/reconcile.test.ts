import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BUCKET, type Harness, startHarness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => {
  h.proxy.setFaults({});
});

const text = async (Key: string) => {
  const out = await h.direct.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
  return out.Body?.transformToString();
};

describe("reconciliation against s3rver (behind the fault proxy)", () => {
  it("a conditional PutObject over other bytes of the same size is NOT reported as written", async () => {
    await h.direct.send(new PutObjectCommand({ Bucket: BUCKET, Key: "taken", Body: "THEIR" }));
    // The first PUT is reset before it reaches s3rver; the retry meets the other object: 412.
    h.proxy.setFaults({ script: [{ method: "PUT", count: 1, fault: { type: "reset" } }] });
    const error = await h
      .client()
      .send(new PutObjectCommand({ Bucket: BUCKET, Key: "taken", Body: "mine!", IfNoneMatch: "*" }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "precondition_failed", $metadata: { attempts: 2 } });
    expect((error as { hint?: string }).hint).toMatch(/^Outcome ambiguous: .*not the MD5/);
    expect(await text("taken")).toBe("THEIR");
  });
});
