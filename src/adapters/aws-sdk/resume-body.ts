import { Readable } from "node:stream";
import { isStorageError, StorageError } from "../../index.js";

/** How a GetObject body is continued after the connection dies. */
export interface ResumeOptions {
  /** The response's Content-Length, in bytes, to detect a silently truncated body. */
  expectedBytes: number | undefined;
  /** Fetches the rest from byte `offset` of this response (Range + If-Match); returns a body. */
  fetchFrom: (offset: number) => Promise<unknown>;
  /** Resumptions allowed per download. */
  maxResumes: number;
}

function toBytes(chunk: unknown): Uint8Array {
  if (typeof chunk === "string") return new TextEncoder().encode(chunk);
  if (chunk instanceof Uint8Array) return chunk;
  if (ArrayBuffer.isView(chunk)) {
    return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
  return new Uint8Array(chunk as ArrayBuffer);
}

function changedMidDownload(error: StorageError): StorageError {
  return new StorageError({
    kind: "precondition_failed",
    code: "PreconditionFailed",
    name: "PreconditionFailed",
    status: 412,
    retry: "never",
    provider: error.provider,
    requestId: error.requestId,
    operation: "GetObject",
    message:
      "The object changed mid-download (its ETag no longer matches); start the download again",
    cause: error,
  });
}

function truncated(received: number, expected: number): Error {
  const error = new Error(`Response body ended after ${received} of ${expected} bytes`);
  error.name = "IncompleteBody";
  return Object.assign(error, { code: "ECONNRESET" });
}

async function* resumingChunks(first: unknown, options: ResumeOptions) {
  let current = first;
  let received = 0;
  let resumes = 0;
  for (;;) {
    try {
      for await (const chunk of current as AsyncIterable<unknown>) {
        const bytes = toBytes(chunk);
        received += bytes.byteLength;
        yield bytes;
      }
      if (options.expectedBytes === undefined || received >= options.expectedBytes) return;
      throw truncated(received, options.expectedBytes);
    } catch (error) {
      if (resumes >= options.maxResumes) throw error;
    }
    resumes += 1;
    try {
      current = await options.fetchFrom(received);
    } catch (error) {
      if (isStorageError(error) && error.kind === "precondition_failed") {
        throw changedMidDownload(error);
      }
      throw error;
    }
  }
}

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    chunks.push(chunk);
    total += chunk.byteLength;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** The SDK's body helpers, kept on the resuming body. */
export interface BodyMixin {
  transformToByteArray(): Promise<Uint8Array>;
  transformToString(encoding?: string): Promise<string>;
  transformToWebStream(): ReadableStream<Uint8Array>;
}

/**
 * Wraps a GetObject body (a Node Readable) so that a reset or truncated download continues
 * from the last byte received; the SDK's `transformTo*` helpers keep working.
 */
export function resumeBody(body: unknown, options: ResumeOptions): Readable & BodyMixin {
  const stream = Readable.from(resumingChunks(body, options), { objectMode: false });
  const mixin: BodyMixin = {
    transformToByteArray: () => collect(stream),
    transformToString: async (encoding = "utf-8") => {
      const bytes = await collect(stream);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(
        encoding as BufferEncoding,
      );
    },
    transformToWebStream: () => Readable.toWeb(stream) as ReadableStream<Uint8Array>,
  };
  return Object.assign(stream, mixin);
}
