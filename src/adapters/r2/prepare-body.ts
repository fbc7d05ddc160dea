import { concatBytes } from "../../body/concat-bytes.js";
import { type ReplayBody, reusableBody } from "../../index.js";
import { byteLengthOf } from "./byte-length-of.js";
import type { R2BodyValue } from "./r2-types.js";

/** A binding value ready for one or more attempts (a buffered stream becomes bytes). */
export type PreparedBody<V extends R2BodyValue> = ReplayBody<V | Uint8Array>;

/** How stream bodies are made replayable. */
export interface PrepareBodyOptions<V extends R2BodyValue> {
  /** Largest stream buffered, in bytes. */
  maxReplayBytes: number;
  /** Fresh bodies for retries; when set, streams are not buffered. */
  bodyFactory?: (() => V) | undefined;
}

/** True for a ReadableStream from any realm (Workers, Node, a Miniflare proxy). */
export function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { getReader?: unknown }).getReader === "function" &&
    typeof (value as { tee?: unknown }).tee === "function"
  );
}

/**
 * Makes `value` safe to send more than once. Strings, buffers, views, Blobs and null are sent
 * again as they are, synchronously (so writes keep their call order). A ReadableStream is
 * consumed by a failed put, so it is read into memory when it fits in `maxReplayBytes`, or
 * replaced by `bodyFactory()` on retries; otherwise it is sent once, complete (never
 * truncated), and the body is not replayable.
 */
export function prepareBody<V extends R2BodyValue>(
  value: V,
  options: PrepareBodyOptions<V>,
): PreparedBody<V> | Promise<PreparedBody<V>> {
  if (!isReadableStream(value)) return reusableBody<V | Uint8Array>(value, byteLengthOf(value));
  const factory = options.bodyFactory;
  if (factory) {
    const forAttempt = (attempt: number) => (attempt === 1 ? value : factory());
    return { replayable: true, sizeBytes: undefined, forAttempt };
  }
  if (options.maxReplayBytes <= 0) return sentOnce(value);
  return bufferStream(value, options.maxReplayBytes);
}

async function bufferStream<V extends R2BodyValue>(
  stream: ReadableStream<Uint8Array>,
  maxReplayBytes: number,
): Promise<PreparedBody<V>> {
  // Read a tee branch: if the stream is too long, the other branch is still complete and keeps
  // what the runtime knows of its length (R2 refuses streams of unknown length).
  const [sendBranch, probeBranch] = stream.tee();
  const bytes = await readUpTo(probeBranch, maxReplayBytes);
  if (bytes === undefined) return sentOnce(sendBranch as unknown as V);
  void sendBranch.cancel();
  return reusableBody<V | Uint8Array>(bytes, bytes.byteLength);
}

// Handed out as is on every call: the engine sends a body that is not replayable only once.
function sentOnce<V extends R2BodyValue>(value: V): PreparedBody<V> {
  return { replayable: false, sizeBytes: undefined, forAttempt: () => value };
}

/** Waits for a body that {@link prepareBody} may return as a promise; failures are normalized. */
export async function awaitBody<V extends R2BodyValue>(
  prepared: PreparedBody<V> | Promise<PreparedBody<V>>,
  onError: (error: unknown) => Error,
): Promise<PreparedBody<V>> {
  try {
    return await prepared;
  } catch (error) {
    throw onError(error);
  }
}
/** Reads the whole stream if it holds at most `limitBytes`; undefined (and cancelled) otherwise. */
async function readUpTo(
  stream: ReadableStream<Uint8Array>,
  limitBytes: number,
): Promise<Uint8Array | undefined> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      // Not awaited: a tee branch's cancel settles only once the other branch is done too.
      void reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return concatBytes(chunks, total);
}
