/**
 * A fetch request body: the DOM lib's `RequestBody`, spelled out so that the declarations need only
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

/**
 * A request body that can be sent once per attempt. `Body` is the caller's body type (fetch's
 * `BodyInit`): a buffered stream comes back as its bytes (a `Uint8Array`), or as a stream of
 * the same bytes, both of which fetch's body type includes.
 */
export interface ReplayBody<Body extends RequestBody = RequestBody> {
  /** The body for the next attempt. */
  next(): Body | null | undefined;
  /** Whether every attempt gets the whole body (false: only the first can be sent). */
  replayable: boolean;
  /** Size in bytes when known (the file's size for FormData uploads). */
  sizeBytes: number | undefined;
}

/**
 * Makes `body` sendable once per attempt. Strings, buffers, Blobs, FormData and
 * URLSearchParams are re-read by fetch on every call; a ReadableStream is buffered when it
 * holds at most `maxReplayBytes`, and otherwise sent once, as it came (nothing is lost).
 * Anything else (a Node stream) is sent once.
 */
export async function prepareReplayBody<Body extends RequestBody>(
  body: Body | null | undefined,
  maxReplayBytes: number,
): Promise<ReplayBody<Body>> {
  if (body === null || body === undefined) return fixed<Body>(body, 0);
  if (typeof body === "string") return fixed<Body>(body, new TextEncoder().encode(body).byteLength);
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body))
    return fixed<Body>(body, body.byteLength);
  if (body instanceof Blob) return fixed<Body>(body, body.size);
  if (body instanceof FormData) return fixed<Body>(body, formDataFileSize(body));
  if (body instanceof URLSearchParams) return fixed<Body>(body, undefined);
  if (body instanceof ReadableStream) return bufferStream<Body>(body, maxReplayBytes);
  return once(body, undefined);
}

function fixed<Body extends RequestBody>(
  body: Body | null | undefined,
  sizeBytes: number | undefined,
): ReplayBody<Body> {
  return { next: () => body, replayable: true, sizeBytes };
}

function once<Body extends RequestBody>(
  body: Body,
  sizeBytes: number | undefined,
): ReplayBody<Body> {
  let sent = false;
  return {
    next() {
      if (sent) throw new TypeError("bucketguard: a streamed request body cannot be sent twice");
      sent = true;
      return body;
    },
    replayable: false,
    sizeBytes,
  };
}

function formDataFileSize(form: FormData): number | undefined {
  for (const value of form.values()) if (value instanceof Blob) return value.size;
  return undefined;
}

async function bufferStream<Body extends RequestBody>(
  stream: ReadableStream<Uint8Array>,
  maxReplayBytes: number,
): Promise<ReplayBody<Body>> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total <= maxReplayBytes) {
    const { done, value } = await reader.read();
    if (done) {
      const bytes = concat(chunks, total);
      return fixed(bytes as RequestBody as Body, total);
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
  return once(rest as RequestBody as Body, undefined);
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
