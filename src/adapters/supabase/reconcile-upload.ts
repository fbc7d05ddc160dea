import { bytesAtHand } from "../../body/bytes-at-hand.js";
import { isMd5Etag, unquoteEtag } from "../../body/etag.js";
import { md5Hex } from "../../body/md5.js";
import { readErrorBody } from "../../body/read-error-body.js";
import { readField, readNumber, readString } from "../../errors/from-thrown/read-field.js";
import { markAmbiguous } from "../../errors/mark-ambiguous.js";
import type { StorageError } from "../../index.js";
import { discard } from "../http/http-answer.js";

/** What is needed to check whether an earlier attempt of an upload landed. */
export interface UploadCheck {
  /** Fetch to use (the unguarded one). */
  fetch: typeof fetch;
  /** storage-api's base URL, up to and including `/storage/v1` when present. */
  baseUrl: string;
  /** `bucket/path`. */
  objectKey: string;
  /** Headers of the upload (Authorization, apikey). */
  headers: Headers;
  /** The upload's request body, as every attempt sent it (bytes, string, Blob or FormData). */
  body: BodyInit | null | undefined;
  /** Cancels the info request: the caller's signal, and the stall limit (see `guardFetch`). */
  signal?: AbortSignal | undefined;
}

/** What the object's info says about the stored object. */
interface StoredObject {
  id: string | undefined;
  etag: string | undefined;
  sizeBytes: number | undefined;
}

/**
 * Settles a retried upload that storage-api refused as "already exists": the earlier attempt
 * stored the object only if the object's info (`GET /object/info/<bucket>/<path>`, the route
 * storage-js's `info()` calls) shows the MD5 of the bytes sent as its ETag (the file and S3
 * backends store a single-part upload's MD5 there). Then it answers a success shaped like
 * storage-api's upload response (`{ Id, Key }`, header `x-bucketguard-reconciled: true`).
 * Otherwise it answers undefined, and `refusal` keeps its kind with a hint saying why the
 * outcome is ambiguous.
 */
export async function reconcileUpload(
  check: UploadCheck,
  refusal: StorageError,
): Promise<Response | undefined> {
  const sent = await uploadedBytes(check.body);
  if (sent === undefined) {
    markAmbiguous(refusal, "the uploaded bytes are not at hand to compare with the stored object");
    return undefined;
  }
  const stored = await readObjectInfo(check);
  const reason = disproof(stored, sent);
  if (reason !== undefined) {
    markAmbiguous(refusal, reason);
    return undefined;
  }
  const body = { Id: stored?.id, Key: check.objectKey };
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { "content-type": "application/json", "x-bucketguard-reconciled": "true" },
  });
}

/** Why the stored object cannot be shown to be `sent`; undefined when it is proven. */
function disproof(stored: StoredObject | undefined, sent: Uint8Array): string | undefined {
  if (stored === undefined) return "the object's info could not be read";
  if (stored.sizeBytes !== undefined && stored.sizeBytes !== sent.byteLength) {
    return "the stored object's size differs from the bytes sent";
  }
  const etag = stored.etag === undefined ? undefined : unquoteEtag(stored.etag);
  if (etag === undefined || !isMd5Etag(etag)) {
    return "the stored object's ETag is not an MD5 of its content (a multipart or mtime ETag)";
  }
  if (etag !== md5Hex(sent)) return "the stored object's MD5 differs from the bytes sent";
  return undefined;
}

async function readObjectInfo(check: UploadCheck): Promise<StoredObject | undefined> {
  const headers = new Headers();
  for (const name of ["authorization", "apikey"]) {
    const value = check.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const path = check.objectKey.split("/").map(encodeURIComponent).join("/");
  try {
    const response = await check.fetch(`${check.baseUrl}/object/info/${path}`, {
      method: "GET",
      headers,
      signal: check.signal,
    });
    if (!response.ok) {
      discard(response);
      return undefined;
    }
    // storage-api's info renderer answers JSON (`etag` from the object's metadata) and sets
    // the ETag header; older servers answered the headers alone. Read bounded, like an error.
    const bytes = await readErrorBody(response);
    discard(response);
    const info = parseJson(bytes);
    const metadata = readField(info, "metadata");
    return {
      id: readString(info, "id"),
      etag:
        readString(info, "etag") ??
        readString(info, "eTag") ??
        readString(metadata, "eTag") ??
        response.headers.get("etag") ??
        undefined,
      sizeBytes:
        readNumber(info, "size") ??
        readNumber(metadata, "size") ??
        readNumber(metadata, "contentLength"),
    };
  } catch {
    return undefined;
  }
}

function parseJson(bytes: Uint8Array | undefined): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

/** The bytes an upload stores: the body itself, or the file of a storage-js FormData. */
async function uploadedBytes(body: BodyInit | null | undefined): Promise<Uint8Array | undefined> {
  if (body instanceof FormData) {
    const files = [...body.values()].filter((value): value is File => value instanceof Blob);
    const file = files.length === 1 ? files[0] : undefined;
    return file === undefined ? undefined : new Uint8Array(await file.arrayBuffer());
  }
  return bytesAtHand(body);
}

/** Whether an upload attempt that failed this way may still have stored the object. */
export function mayHaveLanded(error: StorageError): boolean {
  return (
    error.kind === "network" ||
    error.kind === "timeout" ||
    error.kind === "server_error" ||
    error.kind === "unavailable" ||
    error.kind === "unknown"
  );
}
