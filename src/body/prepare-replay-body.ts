/** A request body that can be sent once per attempt. */
export interface ReplayBody {
  /** The body for the next attempt. */
  next(): BodyInit | null | undefined;
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
export async function prepareReplayBody(
  body: BodyInit | null | undefined,
  maxReplayBytes: number,
): Promise<ReplayBody> {
  if (body === null || body === undefined) return fixed(body, 0);
  if (typeof body === "string") return fixed(body, new TextEncoder().encode(body).byteLength);
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return fixed(body, body.byteLength);
  if (body instanceof Blob) return fixed(body, body.size);
  if (body instanceof FormData) return fixed(body, formDataFileSize(body));
  if (body instanceof URLSearchParams) return fixed(body, undefined);
  if (body instanceof ReadableStream) return bufferStream(body, maxReplayBytes);
  return once(body, undefined);
}

function fixed(body: BodyInit | null | undefined, sizeBytes: number | undefined): ReplayBody {
  return { next: () => body, replayable: true, sizeBytes };
}

function once(body: BodyInit, sizeBytes: number | undefined): ReplayBody {
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

async function bufferStream(
  stream: ReadableStream<Uint8Array>,
  maxReplayBytes: number,
): Promise<ReplayBody> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total <= maxReplayBytes) {
    const { done, value } = await reader.read();
    if (done) {
      const bytes = concat(chunks, total);
      return fixed(bytes, total);
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
  return once(rest, undefined);
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
