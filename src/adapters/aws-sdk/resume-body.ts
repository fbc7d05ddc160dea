import { Readable } from "node:stream";
import { isStorageError, StorageError } from "../../index.js";
import { stallError } from "../shared/stall-limit.js";
import type { StallLimit } from "./stall.js";

/** How a GetObject body is continued after the connection dies. */
export interface ResumeOptions {
  /** The response's Content-Length, in bytes, to detect a silently truncated body. */
  expectedBytes: number | undefined;
  /** Fetches the rest from byte `offset` of this response (Range + If-Match); returns a body. */
  fetchFrom: (offset: number) => Promise<unknown>;
  /** Resumptions allowed per download. */
  maxResumes: number;
  /** No bytes for this long while the reader wants them: resume, or fail as `timeout`. */
  stall?: StallLimit;
  /** For errors (`GetObject`). */
  operation?: string;
  /** Told the stall error when the body stalls, before the body fails or resumes. */
  onStall?: (error: StorageError) => void;
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

function destroyedSource(): Error {
  const error = new Error("The response body was destroyed before it could be read");
  error.name = "IncompleteBody";
  return Object.assign(error, { code: "ECONNRESET" });
}

function prematureClose(received: number): Error {
  const error = new Error(`Response body closed after ${received} bytes`);
  error.name = "IncompleteBody";
  return Object.assign(error, { code: "ECONNRESET" });
}

function asReadable(body: unknown): Readable {
  if (body instanceof Readable) return body;
  if (typeof body !== "object" || body === null || !(Symbol.asyncIterator in body)) {
    throw new TypeError("bucketguard: a resumed GetObject answered without a readable body");
  }
  return Readable.from(body as AsyncIterable<unknown>, { objectMode: false });
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function collect(stream: Readable): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    stream.on("data", (chunk: Uint8Array) => {
      chunks.push(chunk);
      total += chunk.byteLength;
    });
    stream.once("end", () => resolve(concat(chunks, total)));
    stream.once("error", reject);
  });
}

const ignore = (): void => {};

/** The SDK's body helpers, kept on the resuming body. */
export interface BodyMixin {
  /** Reads the whole body, resumptions included, into one byte array. */
  transformToByteArray(): Promise<Uint8Array>;
  /** Reads the whole body and decodes it (`encoding` a Node Buffer encoding, `utf-8` by default). */
  transformToString(encoding?: string): Promise<string>;
  /** The body as a web ReadableStream; it resumes like the Node stream it wraps. */
  transformToWebStream(): ReadableStream<Uint8Array>;
}

/**
 * A Readable that passes the source's chunks through (one push each, with back-pressure) and,
 * when the source errors, closes early or ends short of `expectedBytes`, fetches the rest from
 * the byte reached and carries on with it.
 */
class ResumingBody extends Readable implements BodyMixin {
  readonly #options: ResumeOptions;
  #source: Readable;
  #received = 0;
  #resumes = 0;
  /** Whether the reader wants bytes (not held back by back-pressure, not between sources). */
  #wanting = false;
  #progressAtMs = 0;
  #cancelStallTimer: (() => void) | undefined;

  constructor(body: unknown, options: ResumeOptions) {
    super();
    this.#options = options;
    this.#source = this.#attach(asReadable(body));
  }

  #attach(source: Readable): Readable {
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      source.off("data", onData);
      source.off("end", onEnd);
      source.off("error", onError);
      source.off("close", onClose);
      // A source we let go of may still report its own teardown.
      source.on("error", ignore);
      return true;
    };
    const onData = (chunk: unknown): void => {
      const bytes = toBytes(chunk);
      this.#received += bytes.byteLength;
      this.#progress();
      if (!this.push(bytes)) {
        this.#wanting = false;
        source.pause();
      }
    };
    const onEnd = (): void => {
      if (!settle()) return;
      this.#stopStallTimer();
      const expected = this.#options.expectedBytes;
      if (expected === undefined || this.#received >= expected) this.push(null);
      else this.#resume(truncated(this.#received, expected));
    };
    const onError = (error: unknown): void => {
      if (settle()) this.#resume(error);
    };
    const onClose = (): void => {
      if (settle()) this.#resume(prematureClose(this.#received));
    };
    // A source torn down before we got it (no error listener then: Node drops the error) would
    // never emit again: treat it as a connection that died.
    if (source.destroyed) {
      settled = true;
      queueMicrotask(() => this.#resume(source.errored ?? destroyedSource()));
      return source;
    }
    source.on("data", onData);
    source.once("end", onEnd);
    source.once("error", onError);
    source.once("close", onClose);
    this.#wanting = true;
    this.#progress();
    return source;
  }

  /** Records progress and makes sure a stall timer runs while bytes are wanted. */
  #progress(): void {
    const stall = this.#options.stall;
    if (stall === undefined || !Number.isFinite(stall.ms)) return;
    this.#progressAtMs = stall.clock.now();
    if (this.#cancelStallTimer === undefined) this.#armStallTimer(stall.ms);
  }

  #armStallTimer(delayMs: number): void {
    const stall = this.#options.stall;
    if (stall === undefined) return;
    this.#cancelStallTimer = stall.clock.setTimer(() => {
      this.#cancelStallTimer = undefined;
      if (!this.#wanting || this.destroyed) return;
      const idleMs = stall.clock.now() - this.#progressAtMs;
      if (idleMs < stall.ms) {
        this.#armStallTimer(stall.ms - idleMs);
        return;
      }
      this.#wanting = false;
      const source = this.#source;
      const error = stallError("body", stall.ms, this.#options.operation);
      this.#options.onStall?.(error);
      // Settles the source's listeners through its own error: the resume takes it from there.
      source.destroy(error);
    }, delayMs);
  }

  #stopStallTimer(): void {
    this.#wanting = false;
    this.#cancelStallTimer?.();
    this.#cancelStallTimer = undefined;
  }

  #resume(error: unknown): void {
    this.#stopStallTimer();
    this.#source.destroy();
    if (this.destroyed) return;
    if (this.#resumes >= this.#options.maxResumes) {
      this.destroy(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    this.#resumes += 1;
    this.#options.fetchFrom(this.#received).then(
      (next) => {
        if (this.destroyed) {
          if (next instanceof Readable) next.destroy();
          return;
        }
        try {
          this.#source = this.#attach(asReadable(next));
        } catch (error) {
          this.destroy(error instanceof Error ? error : new Error(String(error)));
        }
      },
      (failure: unknown) => {
        const mapped =
          isStorageError(failure) && failure.kind === "precondition_failed"
            ? changedMidDownload(failure)
            : failure;
        this.destroy(mapped instanceof Error ? mapped : new Error(String(mapped)));
      },
    );
  }

  override _read(): void {
    if (this.#source.destroyed) return;
    this.#wanting = true;
    this.#progress();
    this.#source.resume();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#stopStallTimer();
    this.#source.destroy();
    callback(error);
  }

  transformToByteArray(): Promise<Uint8Array> {
    return collect(this);
  }

  async transformToString(encoding = "utf-8"): Promise<string> {
    const bytes = await collect(this);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(
      encoding as BufferEncoding,
    );
  }

  transformToWebStream(): ReadableStream<Uint8Array> {
    return Readable.toWeb(this) as ReadableStream<Uint8Array>;
  }
}

/**
 * Wraps a GetObject body (a Node Readable) so that a reset or truncated download continues
 * from the last byte received; the SDK's `transformTo*` helpers keep working.
 */
export function resumeBody(body: unknown, options: ResumeOptions): Readable & BodyMixin {
  return new ResumingBody(body, options);
}

const noResume = (): Promise<never> =>
  Promise.reject(new Error("bucketguard: an idle-guarded body is never resumed"));

/**
 * Wraps a Node Readable body so that it fails with a `body` stall error (a transient `timeout`)
 * once it has gone `stall.ms` without a byte while read; each chunk restarts the wait. `onStall`
 * is told first. Undefined when `body` is not a Node Readable.
 */
export function guardIdleBody(
  body: unknown,
  stall: StallLimit,
  operation: string,
  onStall: (error: StorageError) => void,
): (Readable & BodyMixin) | undefined {
  if (!(body instanceof Readable)) return undefined;
  return new ResumingBody(body, {
    expectedBytes: undefined,
    maxResumes: 0,
    stall,
    operation,
    onStall,
    fetchFrom: noResume,
  });
}
