import type { ChecksumConstructor, HashConstructor } from "@smithy/types";
import { isMd5Etag, multipartEtag, unquoteEtag } from "../../body/etag.js";
import { md5Hex as coreMd5Hex, toHex } from "../../body/md5.js";
import { createHeaderReader } from "../../errors/read-header.js";
import type { StorageError } from "../../index.js";
import type { CommandSafety } from "./command-safety.js";
import { decodeAwsChunked } from "./decode-aws-chunked.js";

/** What a HeadObject of the written key answered: its response headers. */
export interface HeadResult {
  headers: Record<string, string>;
}

/** Everything a reconciliation needs, gathered by the middleware. */
export interface ReconcileInput {
  safety: CommandSafety;
  /** The command input (MultipartUpload.Parts for CompleteMultipartUpload). */
  input: unknown;
  /** The request body as sent (possibly `aws-chunked`), when it was held in memory. */
  bodyBytes: Uint8Array | undefined;
  /** The request's headers (checksums, content encoding). */
  requestHeaders: Record<string, string>;
  /** The client's MD5 (S3 clients resolve `config.md5`); the core's MD5 otherwise. */
  md5: HashConstructor | ChecksumConstructor | undefined;
  head: () => Promise<HeadResult | undefined>;
}

/** Whether the object is proven to be the write's (with its ETag), or why it is not. */
export type WriteReconciliation =
  | { proven: true; etag: string }
  | { proven: false; reason: string };

/** The flexible checksums S3 stores and HeadObject returns with `x-amz-checksum-mode: ENABLED`. */
export const CHECKSUM_ALGORITHMS = ["crc32", "crc32c", "crc64nvme", "sha1", "sha256"] as const;

async function md5Hex(md5: ReconcileInput["md5"], data: Uint8Array): Promise<string> {
  if (md5 === undefined) return coreMd5Hex(data);
  const hash = new md5();
  hash.update(data);
  return toHex(await hash.digest());
}

// S3's multipart ETag, from the parts' ETags the request lists (each the MD5 of its part).
function expectedMultipartEtag(input: unknown): string | undefined {
  const upload = (input as { MultipartUpload?: { Parts?: { ETag?: string }[] } }).MultipartUpload;
  return multipartEtag((upload?.Parts ?? []).map((part) => unquoteEtag(part.ETag ?? "")));
}

/** What a PutObject sent: its payload when at hand, its MD5 and its flexible checksums. */
interface SentContent {
  data: Uint8Array | undefined;
  md5: string | undefined;
  checksums: Map<string, string>;
}

async function sentContent(request: ReconcileInput): Promise<SentContent> {
  const header = createHeaderReader(request.requestHeaders);
  let data = request.bodyBytes;
  let trailers: Record<string, string> = {};
  if (data !== undefined && header("content-encoding")?.includes("aws-chunked")) {
    // Streamed uploads are framed in chunks with the checksum as a trailer.
    const decoded = decodeAwsChunked(data);
    data = decoded?.data;
    trailers = decoded?.trailers ?? {};
  }
  const checksums = new Map<string, string>();
  for (const algorithm of CHECKSUM_ALGORITHMS) {
    const name = `x-amz-checksum-${algorithm}`;
    const value = header(name) ?? trailers[name];
    if (value !== undefined) checksums.set(algorithm, value);
  }
  const contentMd5 = header("content-md5");
  let md5 = data === undefined ? undefined : await md5Hex(request.md5, data);
  if (md5 === undefined && contentMd5 !== undefined) md5 = base64Md5ToHex(contentMd5);
  return { data, md5, checksums };
}

function base64Md5ToHex(value: string): string | undefined {
  try {
    const bytes = Uint8Array.from(atob(value), (char) => char.charCodeAt(0));
    return bytes.byteLength === 16 ? toHex(bytes) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Judges a HeadObject against what a PutObject sent. Any comparable evidence that differs (size,
 * a flexible checksum, the MD5 against a plain ETag of an object not encrypted with KMS or SSE-C)
 * refutes it; otherwise one match proves it.
 */
function judgePut(head: HeadResult, sent: SentContent): WriteReconciliation {
  const stored = createHeaderReader(head.headers);
  const length = Number(stored("content-length"));
  if (sent.data !== undefined && Number.isFinite(length) && length !== sent.data.byteLength) {
    return { proven: false, reason: "the object's size differs from the body sent" };
  }
  let proven = false;
  for (const [algorithm, value] of sent.checksums) {
    const have = stored(`x-amz-checksum-${algorithm}`);
    if (have === undefined) continue;
    if (have !== value) {
      return {
        proven: false,
        reason: `the object's ${algorithm} checksum differs from the body's`,
      };
    }
    proven = true;
  }
  const etag = stored("etag") ?? "";
  const bareEtag = unquoteEtag(etag);
  const encryption = stored("x-amz-server-side-encryption") ?? "";
  const encrypted =
    encryption.startsWith("aws:kms") ||
    stored("x-amz-server-side-encryption-customer-algorithm") !== undefined;
  if (sent.md5 !== undefined && !encrypted && isMd5Etag(bareEtag)) {
    if (bareEtag !== sent.md5) {
      return { proven: false, reason: "the object's ETag is not the MD5 of the body sent" };
    }
    proven = true;
  }
  return proven
    ? { proven: true, etag }
    : {
        proven: false,
        reason:
          "the object carries neither an MD5 ETag nor a checksum the body can be compared with",
      };
}

/**
 * Decides whether a write that a retry reported as failed (CompleteMultipartUpload answered
 * NoSuchUpload, conditional PutObject answered 412) landed on an earlier attempt. It did only
 * when HeadObject proves the object is that write's: the multipart ETag computed from the parts
 * sent, or, for PutObject, the body's MD5 against a plain ETag or a flexible checksum the request
 * carried (see {@link judgePut}). Undefined when the error is not one a landed write explains.
 */
export async function reconcileWrite(
  error: StorageError,
  request: ReconcileInput,
): Promise<WriteReconciliation | undefined> {
  const { safety } = request;
  if (safety.reconcile === "complete_multipart" && error.code === "NoSuchUpload") {
    const expected = expectedMultipartEtag(request.input);
    if (expected === undefined) {
      return {
        proven: false,
        reason: "the parts' ETags are not MD5s, so the object's cannot be computed",
      };
    }
    const head = await request.head().catch(() => undefined);
    if (head === undefined) return { proven: false, reason: "HeadObject of the key failed" };
    const etag = createHeaderReader(head.headers)("etag") ?? "";
    return unquoteEtag(etag) === expected
      ? { proven: true, etag }
      : { proven: false, reason: "the object's ETag is not the multipart ETag of these parts" };
  }
  if (safety.reconcile === "conditional_put" && error.kind === "precondition_failed") {
    const sent = await sentContent(request);
    if (sent.md5 === undefined && sent.checksums.size === 0) {
      return {
        proven: false,
        reason: "the body's bytes are not at hand and the request carried no checksum",
      };
    }
    const head = await request.head().catch(() => undefined);
    if (head === undefined) return { proven: false, reason: "HeadObject of the key failed" };
    return judgePut(head, sent);
  }
  return undefined;
}
