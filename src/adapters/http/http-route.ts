import type { FetchBody, Idempotency, ReplayBody, StorageError } from "../../index.js";

/** What a route classifier says about one HTTP request, for the retry safety gates. */
export interface HttpRoute {
  /** Operation name for hooks and errors (`GET /object`, `PUT /bucket/key`). */
  name: string;
  idempotency: Idempotency;
  /**
   * Whether a 200 may carry an error document (S3's CopyObject, UploadPartCopy and
   * CompleteMultipartUpload): such a 200 is read, and failed when it holds `<Error>`.
   */
  errorIn200: boolean;
}

/**
 * Classifies a request by method, URL and headers; undefined passes it through untouched (no
 * retry, no reading), as the Supabase adapter does for TUS uploads and other services.
 */
export type RouteClassifier = (method: string, url: URL, headers: Headers) => HttpRoute | undefined;

/** One request as the guard prepared it. */
export interface HttpRequestParts {
  /** Upper-case. */
  method: string;
  url: URL;
  route: HttpRoute;
  headers: Headers;
  body: ReplayBody<FetchBody<BodyInit>>;
  signal: AbortSignal | undefined;
}

/** The request a reconcile function may check an earlier attempt of. */
export interface HttpReconcileRequest extends HttpRequestParts {
  /** Errors of the attempts before the refused one (timeouts included). */
  failures: readonly StorageError[];
}

/**
 * Asked when a retry is refused in a way its own earlier attempt may have caused; answers the
 * response to return instead (a proven landed write), or undefined to let the refusal stand.
 */
export type HttpReconcile = (
  refusal: StorageError,
  request: HttpReconcileRequest,
) => Promise<Response | undefined>;
