import { concatBytes } from "./concat-bytes.js";

/** Most of an error body ever read, in bytes: error documents are small, gateway pages are not. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * Reads up to `maxBytes` of a clone of `response`'s body, leaving the response itself unread
 * so its caller can still consume it. Never throws: an unreadable body reads as undefined.
 */
export async function readErrorBody(
  response: Response,
  maxBytes = MAX_ERROR_BODY_BYTES,
): Promise<Uint8Array | undefined> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    reader = response.clone().body?.getReader();
    if (!reader) return undefined;
    const chunks: Uint8Array[] = [];
    let total = 0;
    while (total < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.byteLength;
    }
    return concatBytes(chunks, Math.min(total, maxBytes));
  } catch {
    return undefined;
  } finally {
    reader?.cancel().catch(() => undefined);
  }
}
