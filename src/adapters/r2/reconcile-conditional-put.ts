import type { R2Runner } from "./create-r2-runner.js";
import type { R2BodyValue, R2Bucket, R2Object } from "./r2-types.js";

/**
 * Decides whether a conditional put that a retry answered null (onlyIf not met) was stopped by
 * its own earlier attempt, which landed before its answer was lost. The object is looked up with
 * head and accepted when its etag is the MD5 of the body sent (R2's etag of a single-part put).
 * Needs MD5 in `crypto.subtle` (Workers has it, Node does not) and a body whose bytes are at
 * hand; otherwise the null stands.
 */
export async function reconcileConditionalPut(
  bucket: R2Bucket,
  runner: R2Runner,
  key: string,
  sent: R2BodyValue,
): Promise<R2Object | null> {
  const md5 = await md5Hex(sent);
  if (md5 === undefined || !runner.takeSubrequest()) return null;
  const found = await bucket.head(key).catch(() => null);
  return found?.etag === md5 ? found : null;
}

async function md5Hex(value: R2BodyValue): Promise<string | undefined> {
  const bytes = await bytesOf(value);
  if (!bytes) return undefined;
  try {
    const digest = await crypto.subtle.digest("MD5", bytes);
    return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  } catch {
    return undefined;
  }
}

async function bytesOf(value: R2BodyValue): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (value === null) return new Uint8Array(0);
  if (typeof value === "string") return new TextEncoder().encode(value);
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
  }
  const blob = value as { arrayBuffer?: unknown; getReader?: unknown };
  if (typeof blob.arrayBuffer === "function" && typeof blob.getReader !== "function") {
    return new Uint8Array(await (value as Blob).arrayBuffer());
  }
  return undefined;
}
