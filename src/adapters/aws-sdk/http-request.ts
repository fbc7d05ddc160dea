/** The fields of the SDK's HttpRequest the plugin touches. */
export interface RequestShape {
  method: string;
  hostname: string;
  path: string;
  headers: Record<string, string>;
  query: Record<string, unknown>;
  body?: unknown;
}

/** Same duck test as the SDK's `HttpRequest.isInstance`. */
export function isHttpRequest(value: unknown): value is RequestShape {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.method === "string" &&
    typeof r.hostname === "string" &&
    typeof r.path === "string" &&
    typeof r.headers === "object" &&
    typeof r.query === "object"
  );
}

/** A copy that keeps the class (so `HttpRequest.isInstance` and signing work) with its own maps. */
export function cloneRequest<T extends RequestShape>(request: T): T {
  const copy = Object.create(Object.getPrototypeOf(request) as object) as T;
  return Object.assign(copy, request, {
    headers: { ...request.headers },
    query: { ...request.query },
  });
}

// Headers a HeadObject of the same key may carry: the SSE-C key is needed to read such objects.
const HEAD_HEADERS =
  /^(host|user-agent|x-amz-user-agent|x-amz-expected-bucket-owner|x-amz-request-payer|x-amz-server-side-encryption-customer-.*)$/i;

/** A HeadObject of the request's key, built from a PutObject or CompleteMultipartUpload request. */
export function toHeadRequest<T extends RequestShape>(request: T): T {
  const head = cloneRequest(request);
  head.method = "HEAD";
  head.body = undefined;
  head.query = {};
  head.headers = Object.fromEntries(
    Object.entries(request.headers).filter(([name]) => HEAD_HEADERS.test(name)),
  );
  return head;
}

/** Rewrites the region in an S3 hostname (`b.s3.us-east-1.amazonaws.com`); false when absent. */
export function retargetRegion(request: RequestShape, from: string, to: string): boolean {
  const labels = request.hostname.split(".");
  const index = labels.indexOf(from);
  if (index === -1) return false;
  labels[index] = to;
  request.hostname = labels.join(".");
  if (request.headers.host !== undefined) request.headers.host = request.hostname;
  return true;
}

/** The `bytes=<start>-<end>` to ask for to continue a download of `range` after `receivedBytes`. */
export function resumeRange(range: string | undefined, receivedBytes: number): string | undefined {
  if (range === undefined) return `bytes=${receivedBytes}-`;
  const match = /^bytes=(\d+)-(\d*)$/.exec(range.trim());
  if (match === null) return undefined;
  const start = Number(match[1]) + receivedBytes;
  return `bytes=${start}-${match[2] ?? ""}`;
}
