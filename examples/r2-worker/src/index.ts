// A Worker storing and serving objects through a guarded R2 binding.
//   PUT    /objects/<key>   store the request body (If-None-Match: * creates only)
//   GET    /objects/<key>   read it back
//   DELETE /objects/<key>   delete it
import type { R2Bucket, R2ObjectBody } from "@cloudflare/workers-types";
// In your project: import { guardBucket } from "bucketguard/r2";
import { guardBucket } from "../../../src/adapters/r2/index.js";
// In your project: import { isStorageError, type StorageError } from "bucketguard";
import { isStorageError, type StorageError } from "../../../src/index.js";

export interface Env {
  BUCKET: R2Bucket;
}

type PutBody = Parameters<R2Bucket["put"]>[1];

const STATUS_BY_KIND: Partial<Record<StorageError["kind"], number>> = {
  not_found: 404,
  precondition_failed: 412,
  invalid_request: 400,
  too_large: 413,
  range_not_satisfiable: 416,
  throttled: 429,
};

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const key = decodeURIComponent(new URL(request.url).pathname.replace(/^\/objects\//, ""));
    // One guarded bucket per request: its subrequest count is this request's.
    const bucket = guardBucket(env.BUCKET, {
      subrequestLimit: 50,
      deadlineMs: 10_000,
      preconditionFailed: "error",
      onRetry: (event) => console.log(`retrying ${event.operation}: ${event.error.code}`),
    });
    try {
      if (request.method === "PUT") {
        const createOnly = request.headers.get("if-none-match") === "*";
        const body = request.body as unknown as PutBody;
        const stored = await bucket.put(
          key,
          body,
          createOnly ? { onlyIf: { etagDoesNotMatch: "*" } } : {},
        );
        return Response.json({ key, etag: stored?.etag, size: stored?.size }, { status: 201 });
      }
      if (request.method === "DELETE") {
        await bucket.delete(key);
        return new Response(null, { status: 204 });
      }
      const found = (await bucket.get(key)) as R2ObjectBody | null;
      if (!found) return Response.json({ error: "not_found", key }, { status: 404 });
      return new Response(await found.arrayBuffer(), { headers: { etag: found.httpEtag } });
    } catch (error) {
      if (!isStorageError(error)) throw error;
      // One switch for every R2 failure: the kind says what happened, retry whether it may pass.
      const status = STATUS_BY_KIND[error.kind] ?? (error.retry === "never" ? 500 : 503);
      return Response.json({ error: error.kind, code: error.code, hint: error.hint }, { status });
    }
  },
};
