import { multipartEtag } from "../../body/etag.js";
import type { R2UploadedPart } from "./r2-types.js";

/**
 * The etag a completed multipart upload of `parts` gets (see `multipartEtag`). `partMd5s` maps
 * each part's etag to its content's MD5 (hex). Undefined when a part's MD5 is unknown.
 */
export function expectedMultipartEtag(
  parts: readonly R2UploadedPart[],
  partMd5s: ReadonlyMap<string, string>,
): string | undefined {
  const ordered = [...parts].sort((a, b) => a.partNumber - b.partNumber);
  const hexes: string[] = [];
  for (const part of ordered) {
    const hex = partMd5s.get(part.etag);
    if (hex === undefined) return undefined;
    hexes.push(hex);
  }
  return multipartEtag(hexes);
}
