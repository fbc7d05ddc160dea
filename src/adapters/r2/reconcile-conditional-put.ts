import { bytesAtHand } from "../../body/bytes-at-hand.js";
import { isMd5Etag, unquoteEtag } from "../../body/etag.js";
import { digestHex, md5HexOf } from "./body-digest.js";
import type { R2Runner } from "./create-r2-runner.js";
import type { R2BodyValue, R2Bucket, R2Object, R2PutOptions } from "./r2-types.js";

/** What a reconciliation settled: the object, proven ours, or why it could not be proven. */
export type PutReconciliation = { landed: R2Object } | { landed: null; reason: string };

const SHA_NAMES = ["sha1", "sha256", "sha384", "sha512"] as const;

/**
 * Decides whether a conditional put that a retry answered null (onlyIf not met) was stopped by
 * its own earlier attempt, which landed before its answer was lost. The object is looked up with
 * head and accepted only when its content is proven to be the body sent: its MD5 (R2's
 * `checksums.md5`, or the etag of a single-part put) equals the body's, or a SHA checksum the put
 * asked R2 to verify is the stored one. Any mismatch, or a size that differs, refutes it.
 */
export async function reconcileConditionalPut(
  bucket: R2Bucket,
  runner: R2Runner,
  key: string,
  sent: R2BodyValue,
  putOptions: R2PutOptions | undefined,
): Promise<PutReconciliation> {
  const bytes = await bytesAtHand(sent);
  const expected = new Map<string, string>();
  if (bytes !== undefined) expected.set("md5", await md5HexOf(bytes));
  for (const name of ["md5", ...SHA_NAMES] as const) {
    const given = digestHex(putOptions?.[name]);
    if (given !== undefined && !expected.has(name)) expected.set(name, given);
  }
  if (expected.size === 0) {
    return {
      landed: null,
      reason: "the body's bytes are not at hand and the put carried no checksum",
    };
  }
  if (!runner.takeSubrequest()) {
    return { landed: null, reason: "no subrequest was left to look the object up" };
  }
  const found = await bucket.head(key).catch(() => null);
  if (found === null) return { landed: null, reason: "the object could not be looked up" };
  if (bytes !== undefined && found.size !== bytes.byteLength) {
    return { landed: null, reason: "the stored object's size differs from the body sent" };
  }
  const stored = storedDigests(found);
  let proven = false;
  for (const [name, hex] of expected) {
    const have = stored.get(name);
    if (have === undefined) continue;
    if (have !== hex) {
      return { landed: null, reason: `the stored object's ${name} differs from the body sent` };
    }
    proven = true;
  }
  return proven
    ? { landed: found }
    : {
        landed: null,
        reason: "the stored object carries no checksum the body can be compared with",
      };
}

function storedDigests(found: R2Object): Map<string, string> {
  const digests = new Map<string, string>();
  const checksums = (found.checksums ?? {}) as unknown as Record<string, unknown>;
  for (const name of ["md5", ...SHA_NAMES]) {
    const hex = digestHex(checksums[name]);
    if (hex !== undefined) digests.set(name, hex);
  }
  // A single-part put's etag is its MD5; a multipart etag (`<hex>-<n>`) is not.
  const etag = unquoteEtag(found.etag);
  if (!digests.has("md5") && isMd5Etag(etag)) digests.set("md5", etag);
  return digests;
}
