import { createHash } from "node:crypto";
import { CompleteMultipartUploadCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { makeClient, s3Error } from "./make-client.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const xml = { "content-type": "application/xml" };
const md5 = (data: Uint8Array | string) => createHash("md5").update(data).digest();

const partEtags = ["part one", "part two"].map((text) => `"${md5(text).toString("hex")}"`);
const multipartEtag = `"${md5(Buffer.concat(partEtags.map((e) => Buffer.from(e.slice(1, -1), "hex")))).toString("hex")}-2"`;

const complete = () =>
  new CompleteMultipartUploadCommand({
    Bucket: "b",
    Key: "k",
    UploadId: "U1",
    MultipartUpload: { Parts: partEtags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
  });

/** First write fails with 500, the retry with `second`; HEAD answers `headEtag`. */
function ambiguous(second: () => Response, headEtag: string, seen: string[], length = "0") {
  return http.all("http://s3.test.local/*", ({ request }) => {
    seen.push(request.method);
    if (request.method === "HEAD") {
      return new HttpResponse(null, {
        status: 200,
        headers: { etag: headEtag, "content-length": length },
      });
    }
    if (seen.filter((m) => m !== "HEAD").length === 1) {
      return new HttpResponse(s3Error("InternalError", "oops"), { status: 500, headers: xml });
    }
    return second();
  });
}

const noSuchUpload = () =>
  new HttpResponse(s3Error("NoSuchUpload", "The specified upload does not exist."), {
    status: 404,
    headers: xml,
  });
const preconditionFailed = () =>
  new HttpResponse(s3Error("PreconditionFailed", "At least one of the pre-conditions failed"), {
    status: 412,
    headers: xml,
  });

describe("ambiguous outcomes are reconciled with HeadObject", () => {
  it("CompleteMultipartUpload answered NoSuchUpload on retry succeeds when the object is the upload", async () => {
    const seen: string[] = [];
    server.use(ambiguous(noSuchUpload, multipartEtag, seen));
    const out = await makeClient().send(complete());
    expect(seen).toEqual(["POST", "POST", "HEAD"]);
    expect(out).toMatchObject({ ETag: multipartEtag, Bucket: "b", Key: "k" });
    expect(out.$metadata.attempts).toBe(2);
  });

  it("CompleteMultipartUpload still fails when the object is someone else's", async () => {
    const seen: string[] = [];
    server.use(ambiguous(noSuchUpload, '"0123456789abcdef0123456789abcdef"', seen));
    const error = await makeClient()
      .send(complete())
      .catch((e: unknown) => e);
    expect(seen).toEqual(["POST", "POST", "HEAD"]);
    expect(error).toMatchObject({ kind: "not_found", code: "NoSuchUpload", name: "NoSuchUpload" });
  });

  it("a conditional PutObject answered 412 on retry succeeds when our bytes landed", async () => {
    const seen: string[] = [];
    const body = "create-only";
    server.use(ambiguous(preconditionFailed, `"${md5(body).toString("hex")}"`, seen, "11"));
    const out = await makeClient().send(
      new PutObjectCommand({ Bucket: "b", Key: "k", Body: body, IfNoneMatch: "*" }),
    );
    expect(seen).toEqual(["PUT", "PUT", "HEAD"]);
    expect(out.ETag).toBe(`"${md5(body).toString("hex")}"`);
  });

  it("a conditional PutObject answered 412 fails when the object holds other bytes", async () => {
    const seen: string[] = [];
    server.use(ambiguous(preconditionFailed, `"${md5("other").toString("hex")}"`, seen, "5"));
    const error = await makeClient()
      .send(new PutObjectCommand({ Bucket: "b", Key: "k", Body: "mine", IfMatch: '"old"' }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "precondition_failed", $metadata: { attempts: 2 } });
  });

  it("a first-attempt 412 is reported at once, without a HeadObject", async () => {
    const seen: string[] = [];
    server.use(
      http.all("http://s3.test.local/*", ({ request }) => {
        seen.push(request.method);
        return preconditionFailed();
      }),
    );
    const error = await makeClient()
      .send(new PutObjectCommand({ Bucket: "b", Key: "k", Body: "x", IfNoneMatch: "*" }))
      .catch((e: unknown) => e);
    expect(seen).toEqual(["PUT"]);
    expect(error).toMatchObject({ kind: "precondition_failed", gaveUp: "not_retryable" });
  });
});
