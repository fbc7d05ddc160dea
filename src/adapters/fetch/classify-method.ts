import type { Idempotency } from "../../index.js";

/** Which POSTs the caller allows to repeat: all (`true`), none, or those a predicate accepts. */
export type RetryPostOption = boolean | ((method: string, url: URL) => boolean);

/**
 * Idempotency of an S3 request by method: GET, HEAD, OPTIONS, DELETE and PUT repeat safely
 * (a PUT leaves the same object however often it lands); so does DeleteObjects (`POST ?delete`).
 * Other POSTs (CreateMultipartUpload, CompleteMultipartUpload, POST policy uploads) repeat
 * when `retryPost` allows them, and otherwise only after a failure that shows the server did
 * not act on them (`unprocessed`: SlowDown, 503, 429, a refused connection).
 */
export function classifyMethod(
  method: string,
  url: URL,
  retryPost: RetryPostOption = false,
): Idempotency {
  const verb = method.toUpperCase();
  if (
    verb === "GET" ||
    verb === "HEAD" ||
    verb === "OPTIONS" ||
    verb === "DELETE" ||
    verb === "PUT"
  ) {
    return "idempotent";
  }
  if (verb !== "POST") return "never";
  if (url.searchParams.has("delete")) return "idempotent";
  const allowed = typeof retryPost === "function" ? retryPost(verb, url) : retryPost;
  return allowed ? "idempotent" : "unprocessed";
}

/**
 * Whether S3 may answer this request 200 with an `<Error>` body: CopyObject and UploadPartCopy
 * (`x-amz-copy-source`), CompleteMultipartUpload (`POST ?uploadId=`). The AWS SDK treats those
 * as 503s; so does guardFetch.
 */
export function mayFailWith200(method: string, url: URL, headers: Headers): boolean {
  const verb = method.toUpperCase();
  if (verb === "PUT") return headers.has("x-amz-copy-source");
  return verb === "POST" && url.searchParams.has("uploadId");
}
