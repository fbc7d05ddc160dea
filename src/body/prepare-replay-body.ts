import { concatBytes } from "./concat-bytes.js";
import { oneShotBody, type ReplayBody, reusableBody } from "./replay-body.js";

/**
 * A fetch request body: the DOM lib's `BodyInit`, spelled out so that the declarations need only
 * the globals Node's types declare too (a project without the DOM lib type-checks).
 */
export type RequestBody =
  | string
  | ArrayBuffer
  | ArrayBufferView
  | Blob
  | FormData
  | URLSearchParams
  | ReadableStream<Uint8Array>;

/** A fetch request body, as `prepareReplayBody` gives it for each attempt. */
export type FetchBody<Body extends RequestBody = RequestBody> = Body | null | undefined;

/**
 * Makes `body` sendable once per attempt. Strings, buffers, Blobs, FormData and
 * URLSearchParams are re-read by fetch on every call; a ReadableStream is buffered when it
 * holds at most `maxReplayBytes`, and otherwise sent once, as it came (nothing is lost).
 * Anything else (a Node stream) is sent once.
 */
export async function prepareReplayBody<Body extends RequestBody>(
  body: FetchBody<Body>,
  maxReplayBytes: number,
): Promise<ReplayBody<FetchBody<Body>>> {
  if (body === null || body === undefined) return reusableBody<FetchBody<Body>>(body, 0);
  if (typeof body === "string")
    return reusableBody<FetchBody<Body>>(body, new TextEncoder().encode(body).byteLength);
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body))
    return reusableBody<FetchBody<Body>>(body, body.byteLength);
  if (body instanceof Blob) return reusableBody<FetchBody<Body>>(body, body.size);
  if (body instanceof FormData) return reusableBody<FetchBody<Body>>(body, formDataFileSize(body));
  if (body instanceof URLSearchParams) return reusableBody<FetchBody<Body>>(body, undefined);
  if (body instanceof ReadableStream) return bufferStream<Body>(body, maxReplayBytes);
  return oneShotBody<FetchBody<Body>>(body, undefined);
}

function formDataFileSize(form: FormData): number | undefined {
  for (const value of form.values()) if (value instanceof Blob) return value.size;
  return undefined;
}

async function bufferStream<Body extends RequestBody>(
  stream: ReadableStream<Uint8Array>,
  maxReplayBytes: number,
): Promise<ReplayBody<FetchBody<Body>>> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total <= maxReplayBytes) {
    const { done, value } = await reader.read();
    if (done) {
      // The bytes of a buffered stream: fetch's body type includes a Uint8Array.
      const bytes = concatBytes(chunks, total) as RequestBody as Body;
      return reusableBody<FetchBody<Body>>(bytes, total);
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
  return oneShotBody<FetchBody<Body>>(rest as RequestBody as Body, undefined);
}
