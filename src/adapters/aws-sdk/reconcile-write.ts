import type { ChecksumConstructor, HashConstructor } from "@smithy/types";
import type { StorageError } from "../../index.js";
import type { CommandSafety } from "./command-safety.js";

/** What a HeadObject of the written key answered. */
export interface HeadResult {
  etag: string | undefined;
  sizeBytes: number | undefined;
}

/** Everything a reconciliation needs, gathered by the middleware. */
export interface ReconcileInput {
  safety: CommandSafety;
  /** The command input (MultipartUpload.Parts for CompleteMultipartUpload). */
  input: unknown;
  /** The bytes a conditional PutObject sent, when they were held in memory. */
  bodyBytes: Uint8Array | undefined;
  /** The client's MD5 (S3 clients resolve `config.md5`). */
  md5: HashConstructor | ChecksumConstructor | undefined;
  head: () => Promise<HeadResult | undefined>;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function fromHex(text: string): Uint8Array | undefined {
  if (!/^[0-9a-f]{32}$/i.test(text)) return undefined;
  return Uint8Array.from(text.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}

async function md5Hex(md5: HashConstructor | ChecksumConstructor, data: Uint8Array) {
  const hash = new md5();
  hash.update(data);
  return hex(await hash.digest());
}

function unquote(etag: string): string {
  return etag.replace(/^W\//, "").replace(/"/g, "");
}

// S3's multipart ETag: MD5 of the concatenated binary MD5s of the parts, then "-<part count>".
async function expectedMultipartEtag(input: unknown, md5: ReconcileInput["md5"]) {
  const upload = (input as { MultipartUpload?: { Parts?: { ETag?: string }[] } }).MultipartUpload;
  const parts = upload?.Parts ?? [];
  if (md5 === undefined || parts.length === 0) return undefined;
  const digests = parts.map((part) => fromHex(unquote(part.ETag ?? "")));
  const joined = new Uint8Array(16 * digests.length);
  for (const [index, digest] of digests.entries()) {
    if (digest === undefined) return undefined;
    joined.set(digest, index * 16);
  }
  return `${await md5Hex(md5, joined)}-${parts.length}`;
}

/**
 * Decides whether a write that a retry reported as failed (CompleteMultipartUpload answered
 * NoSuchUpload, conditional PutObject answered 412) landed on an earlier attempt: the object
 * must now carry the ETag that write produces (and, for PutObject, the same size). Returns the
 * ETag when it did; undefined when it cannot be shown (the error is then reported).
 */
export async function reconcileWrite(
  error: StorageError,
  request: ReconcileInput,
): Promise<string | undefined> {
  const { safety, md5 } = request;
  let expected: string | undefined;
  let sizeBytes: number | undefined;
  if (safety.reconcile === "complete_multipart" && error.code === "NoSuchUpload") {
    expected = await expectedMultipartEtag(request.input, md5);
  } else if (safety.reconcile === "conditional_put" && error.kind === "precondition_failed") {
    const bytes = request.bodyBytes;
    if (bytes === undefined || md5 === undefined) return undefined;
    expected = await md5Hex(md5, bytes);
    sizeBytes = bytes.byteLength;
  }
  if (expected === undefined) return undefined;
  const head = await request.head().catch(() => undefined);
  if (head?.etag === undefined || unquote(head.etag) !== expected) return undefined;
  if (sizeBytes !== undefined && head.sizeBytes !== undefined && head.sizeBytes !== sizeBytes) {
    return undefined;
  }
  return head.etag;
}
