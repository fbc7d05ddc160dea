import type { R2UploadedPart } from "@cloudflare/workers-types";
import { createMd5, toHex } from "../../body/md5.js";

/**
 * The etag a completed multipart upload of `parts` gets: the MD5 of the parts' binary MD5s in
 * part-number order, then `-<count>`. `partMd5s` maps each part's etag to its content's MD5
 * (hex). Undefined when a part's MD5 is unknown.
 */
export function expectedMultipartEtag(
  parts: readonly R2UploadedPart[],
  partMd5s: ReadonlyMap<string, string>,
): string | undefined {
  if (parts.length === 0) return undefined;
  const hash = createMd5();
  const ordered = [...parts].sort((a, b) => a.partNumber - b.partNumber);
  for (const part of ordered) {
    const hex = partMd5s.get(part.etag);
    if (hex === undefined || !/^[0-9a-f]{32}$/.test(hex)) return undefined;
    hash.update(Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16)));
  }
  return `${toHex(hash.digest())}-${parts.length}`;
}
