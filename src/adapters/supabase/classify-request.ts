import type { Idempotency } from "../../index.js";

/** What a storage-api request is, for the retry safety gates. */
export interface SupabaseRoute {
  /**
   * `resumable` (TUS) and `foreign` (another Supabase service: PostgREST, Auth, Functions,
   * which share supabase-js's global fetch) are passed through untouched; `upload` or `other`.
   */
  type: "resumable" | "foreign" | "upload" | "other";
  idempotency: Idempotency;
  /** Operation name for hooks and errors (`GET /object`). */
  name: string;
  /** `bucket/path` of an upload, as storage-api's `Key`. */
  objectKey?: string | undefined;
}

// Read-only or repeatable POSTs: listing, search, signing URLs (a new token each time is harmless),
// emptying a bucket.
const SAFE_POSTS: readonly RegExp[] = [
  /^\/object\/list(-v2)?\//,
  /^\/object\/sign\//,
  /^\/object\/upload\/sign\//,
  /^\/object\/info\//,
  /^\/bucket\/[^/]+\/empty$/,
  /^\/search\b/,
];

// `/object/<action>/...` routes that are not an object path.
const OBJECT_ACTIONS =
  /^\/object\/(list|list-v2|sign|upload|info|move|copy|public|authenticated)(\/|$)/;

const OTHER_SERVICES = /^\/(rest|auth|functions|realtime|graphql|pg)\/v1(\/|$)/;

/** Path of `url` inside storage-api: after `/storage/v1` when the URL has it. */
export function storagePath(url: URL): string {
  const path = url.pathname;
  const at = path.indexOf("/storage/v1/");
  return at >= 0 ? path.slice(at + "/storage/v1".length) : path;
}

/**
 * Classifies a storage-api request by method and route. GET, HEAD, DELETE and PUT are
 * repeatable; POST uploads are repeatable with `x-upsert: true`, otherwise `conditional`
 * (a retry answered "already exists" is reconciled); the known read-only POSTs are repeatable;
 * other POSTs (create bucket, move, copy) are not.
 */
export function classifyRequest(method: string, url: URL, headers: Headers): SupabaseRoute {
  const path = storagePath(url);
  const verb = method.toUpperCase();
  const action = OBJECT_ACTIONS.exec(path)?.[1];
  const name = `${verb} ${action ? `/object/${action}` : path.split("/").slice(0, 2).join("/") || "/"}`;
  if (path.startsWith("/upload/resumable"))
    return { type: "resumable", idempotency: "never", name };
  if (OTHER_SERVICES.test(path)) return { type: "foreign", idempotency: "never", name };
  const isObjectPath = path.startsWith("/object/") && action === undefined;
  const objectKey = isObjectPath ? decodeURIComponent(path.slice("/object/".length)) : undefined;
  if (verb === "GET" || verb === "HEAD" || verb === "DELETE" || verb === "OPTIONS") {
    return { type: "other", idempotency: "idempotent", name };
  }
  if (isObjectPath && (verb === "POST" || verb === "PUT")) {
    // PUT replaces an existing object: sending it twice leaves the same object.
    const upsert = verb === "PUT" || headers.get("x-upsert") === "true";
    return { type: "upload", idempotency: upsert ? "idempotent" : "conditional", name, objectKey };
  }
  if (verb === "PUT" && path.startsWith("/object/upload/sign/")) {
    // uploadToSignedUrl: a second copy of a landed upload is refused unless it upserts.
    const upsert = headers.get("x-upsert") === "true";
    return { type: "other", idempotency: upsert ? "idempotent" : "never", name };
  }
  if (verb === "PUT") return { type: "other", idempotency: "idempotent", name };
  if (verb === "POST" && SAFE_POSTS.some((route) => route.test(path))) {
    return { type: "other", idempotency: "idempotent", name };
  }
  return { type: "other", idempotency: "never", name };
}
