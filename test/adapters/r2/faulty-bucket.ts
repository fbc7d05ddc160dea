import type { R2Bucket, R2MultipartUpload } from "@cloudflare/workers-types";

/** Production R2 messages Miniflare does not emulate. */
export const R2_FAULTS = {
  slowDown: "put: Reduce your concurrent request rate for the same object. (10058)",
  internal: "get: We encountered an internal error. Please try again. (10001)",
  unavailable:
    "put: Please look at https://www.cloudflarestatus.com for issues or contact customer support. (10043)",
  clientDisconnect: "get: Client Disconnect (10054)",
  unspecified: "put: Unspecified error (0)",
} as const;

/** workerd's error for a dropped connection: a plain Error with an own `retryable: true`. */
export function networkConnectionLost(): Error {
  return Object.assign(new Error("Network connection lost."), { retryable: true });
}

type Method =
  | "head"
  | "get"
  | "put"
  | "delete"
  | "list"
  | "createMultipartUpload"
  | "uploadPart"
  | "complete"
  | "abort";

/** A fault: throw `error` instead of calling R2, or (`after`) once the call has landed. */
export interface Fault {
  error: Error | string;
  after?: boolean;
}

/** An R2Bucket over a real one that throws queued faults and counts calls. */
export interface FaultyBucket {
  bucket: R2Bucket;
  /** Calls per method, faulted ones included. */
  calls: Record<Method, number>;
  /** Queues faults for the next calls of `method`. */
  fail(method: Method, ...faults: (Fault | Error | string)[]): void;
}

/** Wraps `inner` so tests can inject production errors. */
export function createFaultyBucket(inner: R2Bucket): FaultyBucket {
  const queues = new Map<Method, Fault[]>();
  const calls = {} as Record<Method, number>;
  const call = async <T>(method: Method, run: () => Promise<T>): Promise<T> => {
    calls[method] = (calls[method] ?? 0) + 1;
    const fault = queues.get(method)?.shift();
    if (!fault) return run();
    const error = typeof fault.error === "string" ? new Error(fault.error) : fault.error;
    if (fault.after) await run();
    throw error;
  };
  const wrapUpload = (upload: R2MultipartUpload): R2MultipartUpload => ({
    key: upload.key,
    uploadId: upload.uploadId,
    uploadPart: (n, value, options) =>
      call("uploadPart", () => upload.uploadPart(n, value, options)),
    complete: (parts) => call("complete", () => upload.complete(parts)),
    abort: () => call("abort", () => upload.abort()),
  });
  const bucket = {
    head: (key: string) => call("head", () => inner.head(key)),
    get: (key: string, options?: Parameters<R2Bucket["get"]>[1]) =>
      call("get", () => inner.get(key, options)),
    put: (
      key: string,
      value: Parameters<R2Bucket["put"]>[1],
      options?: Parameters<R2Bucket["put"]>[2],
    ) => call("put", () => inner.put(key, value, options)),
    delete: (keys: string | string[]) => call("delete", () => inner.delete(keys)),
    list: (options?: Parameters<R2Bucket["list"]>[0]) => call("list", () => inner.list(options)),
    createMultipartUpload: async (
      key: string,
      options?: Parameters<R2Bucket["createMultipartUpload"]>[1],
    ) =>
      wrapUpload(
        await call("createMultipartUpload", () => inner.createMultipartUpload(key, options)),
      ),
    resumeMultipartUpload: (key: string, uploadId: string) =>
      wrapUpload(inner.resumeMultipartUpload(key, uploadId)),
  } as R2Bucket;
  return {
    bucket,
    calls,
    fail(method, ...faults) {
      const queue = queues.get(method) ?? [];
      for (const fault of faults) {
        queue.push(typeof fault === "string" || fault instanceof Error ? { error: fault } : fault);
      }
      queues.set(method, queue);
    },
  };
}
