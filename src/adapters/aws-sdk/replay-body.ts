import { Readable } from "node:stream";
import { concatBytes } from "../../body/concat-bytes.js";
import { type ReplayBody, reusableBody } from "../../index.js";

/** Builds a fresh request body for a retry of a streaming upload. */
export type BodyFactory = (event: BodyFactoryEvent) => unknown | Promise<unknown>;

/** Passed to a {@link BodyFactory}. */
export interface BodyFactoryEvent {
  /** `PutObject`, `UploadPart`, ... */
  commandName: string;
  /** The command's input (Bucket, Key, PartNumber, ...). */
  input: unknown;
  /** The attempt the body is for (2 or more). */
  attempt: number;
}

/** An SDK request body per attempt; a `bodyFactory`'s may come as a promise. */
export type SdkBody = unknown;

type AsyncChunks = AsyncIterable<unknown>;

function isWebStream(body: unknown): body is ReadableStream<unknown> {
  return typeof ReadableStream !== "undefined" && body instanceof ReadableStream;
}

function isAsyncIterable(body: unknown): body is AsyncChunks {
  return typeof body === "object" && body !== null && Symbol.asyncIterator in body;
}

function toBytes(chunk: unknown): Uint8Array {
  if (typeof chunk === "string") return new TextEncoder().encode(chunk);
  if (chunk instanceof Uint8Array) return chunk;
  if (ArrayBuffer.isView(chunk)) {
    return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  throw new TypeError("bucketguard: unsupported chunk type in a streaming request body");
}

/** Strings, bytes, typed arrays and Blobs are sent again as they are. */
function isReusable(body: unknown): boolean {
  if (body === undefined || body === null || typeof body === "string") return true;
  if (ArrayBuffer.isView(body) || body instanceof ArrayBuffer) return true;
  return typeof Blob !== "undefined" && body instanceof Blob;
}

async function* prefixed(head: readonly Uint8Array[], rest: AsyncIterator<unknown>) {
  yield* head;
  for (let next = await rest.next(); next.done !== true; next = await rest.next()) {
    yield toBytes(next.value);
  }
}

function restream(original: unknown, generator: AsyncGenerator<Uint8Array>): unknown {
  if (!isWebStream(original)) return Readable.from(generator, { objectMode: false });
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await generator.next();
      if (next.done === true) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await generator.return(undefined);
    },
  });
}

/**
 * Prepares a request body for retries. Streams are buffered up to `maxReplayBytes`; a longer
 * stream is sent once, whole (the chunks already read, then the rest), and never retried: a
 * truncated body is never sent. With a `bodyFactory` streams are not buffered at all.
 */
export async function planReplay(
  body: unknown,
  maxReplayBytes: number,
  factory: ((attempt: number) => unknown | Promise<unknown>) | undefined,
): Promise<ReplayBody<SdkBody>> {
  // No size: nothing in the plugin reads it (the stall limit reads the request's headers).
  if (isReusable(body)) return reusableBody(body, undefined);
  if (factory !== undefined) {
    return {
      replayable: true,
      sizeBytes: undefined,
      forAttempt: (attempt) => (attempt === 1 ? body : factory(attempt)),
    };
  }
  const iterable: AsyncChunks | undefined = isAsyncIterable(body) ? body : undefined;
  if (iterable === undefined) return sentOnce(body);
  const iterator = iterable[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let totalBytes = 0;
  for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
    const bytes = toBytes(next.value);
    chunks.push(bytes);
    totalBytes += bytes.byteLength;
    if (totalBytes > maxReplayBytes) {
      return sentOnce(restream(body, prefixed(chunks, iterator)));
    }
  }
  return reusableBody(concatBytes(chunks, totalBytes), totalBytes);
}

// Handed out as is on every call: the engine sends a body that is not replayable only once.
function sentOnce(body: unknown): ReplayBody<SdkBody> {
  return { replayable: false, sizeBytes: undefined, forAttempt: () => body };
}
