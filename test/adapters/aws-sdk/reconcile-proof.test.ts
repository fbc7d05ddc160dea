import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { crc32 } from "node:zlib";
import {
  CompleteMultipartUploadCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type BucketguardOptions, bucketguard } from "../../../src/adapters/aws-sdk/index.js";
import { MSW_ENDPOINT, s3Error } from "./make-client.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const xml = { "content-type": "application/xml" };
const md5Hex = (data: string | Uint8Array) => createHash("md5").update(data).digest("hex");
const crc32Base64 = (text: string) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(crc32(text));
  return bytes.toString("base64");
};

/** A client with the SDK's default checksums (CRC32 on every PutObject, as shipped). */
function client(options: BucketguardOptions = {}, config: Partial<S3ClientConfig> = {}) {
  const s3 = new S3Client({
    region: "us-east-1",
    endpoint: MSW_ENDPOINT,
    forcePathStyle: true,
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
    ...config,
  });
  s3.middlewareStack.use(bucketguard({ random: () => 0, ...options }));
  return s3;
}

interface Seen {
  method: string;
  headers: Record<string, string>;
}

/** The first write fails with a 500 (it may have landed), the retry gets `second`; HEAD answers `head`. */
function ambiguous(second: () => Response, head: Record<string, string>, seen: Seen[]) {
  return http.all(`${MSW_ENDPOINT}/*`, ({ request }) => {
    seen.push({ method: request.method, headers: Object.fromEntries(request.headers) });
    if (request.method === "HEAD") return new HttpResponse(null, { status: 200, headers: head });
    if (seen.filter((s) => s.method !== "HEAD").length === 1) {
      return new HttpResponse(s3Error("InternalError", "oops"), { status: 500, headers: xml });
    }
    return second();
  });
}

const preconditionFailed = () =>
  new HttpResponse(s3Error("PreconditionFailed", "At least one of the pre-conditions failed"), {
    status: 412,
    headers: xml,
  });
const noSuchUpload = () =>
  new HttpResponse(s3Error("NoSuchUpload", "The specified upload does not exist."), {
    status: 404,
    headers: xml,
  });

const createOnly = (Body: PutObjectCommand["input"]["Body"], extra = {}) =>
  new PutObjectCommand({ Bucket: "b", Key: "k", Body, IfNoneMatch: "*", ...extra });

describe("AWS conditional PutObject answered 412 on a retry", () => {
  it("does NOT succeed when the key holds other bytes of the same size", async () => {
    const seen: Seen[] = [];
    const head = { etag: `"${md5Hex("HELLO")}"`, "content-length": "5" };
    server.use(ambiguous(preconditionFailed, head, seen));
    const error = await client()
      .send(createOnly("hello"))
      .catch((e: unknown) => e);
    expect(seen.map((s) => s.method)).toEqual(["PUT", "PUT", "HEAD"]);
    expect(error).toMatchObject({ kind: "precondition_failed", name: "PreconditionFailed" });
    expect((error as { hint?: string }).hint).toMatch(/^Outcome ambiguous: .*not the MD5/);
  });

  it("proves a streamed body by decoding the aws-chunked framing it was sent in", async () => {
    const seen: Seen[] = [];
    const head = {
      etag: `"${md5Hex("hello")}"`,
      "content-length": "5",
      "x-amz-checksum-crc32": crc32Base64("hello"),
    };
    server.use(ambiguous(preconditionFailed, head, seen));
    const body = Readable.from([Buffer.from("hel"), Buffer.from("lo")]);
    const out = await client().send(createOnly(body, { ContentLength: 5 }));
    expect(out.ETag).toBe(`"${md5Hex("hello")}"`);
    expect(seen[0]?.headers["content-encoding"]).toBe("aws-chunked");
  });

  it("proves an SSE-KMS object (ETag not an MD5) by the CRC32 the request carried", async () => {
    const seen: Seen[] = [];
    const head = {
      etag: '"9b2cf535f27731c974343645a3985328"',
      "content-length": "5",
      "x-amz-server-side-encryption": "aws:kms",
      "x-amz-checksum-crc32": crc32Base64("hello"),
    };
    server.use(ambiguous(preconditionFailed, head, seen));
    const out = await client().send(createOnly("hello"));
    expect(out.ETag).toBe(head.etag);
    expect(seen[2]?.headers["x-amz-checksum-mode"]).toBe("ENABLED");
  });

  it("does NOT succeed when the stored CRC32 differs, even with an unreadable ETag", async () => {
    const seen: Seen[] = [];
    const head = {
      etag: '"9b2cf535f27731c974343645a3985328"',
      "content-length": "5",
      "x-amz-server-side-encryption": "aws:kms",
      "x-amz-checksum-crc32": crc32Base64("HELLO"),
    };
    server.use(ambiguous(preconditionFailed, head, seen));
    const error = await client()
      .send(createOnly("hello"))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "precondition_failed" });
    expect((error as { hint?: string }).hint).toMatch(/crc32 checksum differs/);
  });

  it("keeps the 412 when nothing comparable is stored, and says so", async () => {
    const seen: Seen[] = [];
    const head = { etag: '"0a1b-3"', "content-length": "5" };
    server.use(ambiguous(preconditionFailed, head, seen));
    const error = await client({}, { requestChecksumCalculation: "WHEN_REQUIRED" })
      .send(createOnly("hello"))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "precondition_failed" });
    expect((error as { hint?: string }).hint).toMatch(/neither an MD5 ETag nor a checksum/);
    expect(seen[2]?.headers["x-amz-checksum-mode"]).toBeUndefined();
  });
});

describe("AWS CompleteMultipartUpload answered NoSuchUpload on a retry", () => {
  const parts = ["part one", "part two"].map((text) => md5Hex(text));
  const composite = `${md5Hex(Buffer.concat(parts.map((hex) => Buffer.from(hex, "hex"))))}-2`;
  const complete = () =>
    new CompleteMultipartUploadCommand({
      Bucket: "b",
      Key: "k",
      UploadId: "U1",
      MultipartUpload: { Parts: parts.map((hex, i) => ({ ETag: `"${hex}"`, PartNumber: i + 1 })) },
    });

  it("succeeds when the object's ETag is the composite of the parts sent", async () => {
    const seen: Seen[] = [];
    server.use(ambiguous(noSuchUpload, { etag: `"${composite}"`, "content-length": "16" }, seen));
    const out = await client().send(complete());
    expect(out.ETag).toBe(`"${composite}"`);
  });

  it("does NOT succeed over another two-part object of the same size", async () => {
    const seen: Seen[] = [];
    const other = `${md5Hex("another upload")}-2`;
    server.use(ambiguous(noSuchUpload, { etag: `"${other}"`, "content-length": "16" }, seen));
    const error = await client()
      .send(complete())
      .catch((e: unknown) => e);
    expect(seen.map((s) => s.method)).toEqual(["POST", "POST", "HEAD"]);
    expect(error).toMatchObject({ kind: "not_found", code: "NoSuchUpload" });
    expect((error as { hint?: string }).hint).toMatch(/not the multipart ETag of these parts/);
  });
});
