import { createMd5, toHex } from "./md5.js";

/** An ETag as bare lower-case text: no weak mark (`W/`), no quotes. */
export function unquoteEtag(etag: string): string {
  return etag.replace(/^W\//, "").replace(/"/g, "").toLowerCase();
}

/** Whether a (bare) ETag is a plain MD5, as a single-part upload's is. */
export function isMd5Etag(etag: string): boolean {
  return /^[0-9a-f]{32}$/.test(etag);
}

/**
 * The ETag S3 and R2 give a completed multipart upload: the MD5 of the parts' binary MD5s in
 * part order, then `-<part count>`. Takes each part's MD5 as hex (a bare ETag); undefined when
 * there is no part or one is not an MD5.
 */
export function multipartEtag(partMd5s: readonly string[]): string | undefined {
  if (partMd5s.length === 0) return undefined;
  const hash = createMd5();
  for (const hex of partMd5s) {
    if (!isMd5Etag(hex)) return undefined;
    hash.update(Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16)));
  }
  return `${toHex(hash.digest())}-${partMd5s.length}`;
}
