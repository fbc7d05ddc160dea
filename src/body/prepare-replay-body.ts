import { oneShotBody, type ReplayBody, reusableBody } from "./replay-body.js";

/** A fetch request body, as `prepareReplayBody` gives it for each attempt. */
export type FetchBody = BodyInit | null | undefined;

/**
 * Makes `body` sendable once per attempt. Strings, buffers, Blobs, FormData and
 * URLSearchParams are re-read by fetch on every call; a ReadableStream is buffered when it
 * holds at most `maxReplayBytes`, and otherwise sent once, as it came (nothing is lost).
 * Anything else (a Node stream) is sent once.
 */
export async function prepareReplayBody(
  body: BodyInit | null | undefined,
  maxReplayBytes: number,
): Promise<ReplayBody<FetchBody>> {
  if (body === null || body === undefined) return reusableBody<FetchBody>(body, 0);
  if (typeof body === "string")
    return reusableBody<FetchBody>(body, new TextEncoder().encode(body).byteLength);
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body))
    return reusableBody<FetchBody>(body, body.byteLength);
  if (body instanceof Blob) return reusableBody<FetchBody>(body, body.size);
  if (body instanceof FormData) return reusableBody<FetchBody>(body, formDataFileSize(body));
  if (body instanceof URLSearchParams) return reusableBody<FetchBody>(body, undefined);
  if (body instanceof ReadableStream) return bufferStream(body, maxReplayBytes);
  return oneShotBody<FetchBody>(body, undefined);
}

function formDataFileSize(form: FormData): number | undefined {
  for (const value of form.values()) if (value instanceof Blob) return value.size;
  return undefined;
}

async function bufferStream(
  stream: ReadableStream<Uint8Array>,
  maxReplayBytes: number,
): Promise<ReplayBody<FetchBody>> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total <= maxReplayBytes) {
    const { done, value } = await reader.read();
    if (done) {
      const bytes: FetchBody = concat(chunks, total);
      return reusableBody<FetchBody>(bytes, total);
    }
    chunks.push(value);
    total += value.byteLength;
  }
  // Too large to keep: send what was read, then the rest, once.
  const rest = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return oneShotBody<FetchBody>(rest, undefined);
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
