import type { Idempotency } from "../../index.js";
import type { HttpRoute } from "../http/http-route.js";

/** What a storage-api request is, for the retry safety gates. */
export interface SupabaseRoute extends HttpRoute {
  /** `bucket/path` of an upload (POST or PUT to an object's path), as storage-api's `Key`. */
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

// TUS resumable uploads (the TUS client resumes by itself) and the other Supabase services that
// share supabase-js's global fetch (PostgREST, Auth, Functions...).
const PASSED_THROUGH = /^\/(upload\/resumable|(rest|auth|functions|realtime|graphql|pg)\/v1(\/|$))/;

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
 * other POSTs (create bucket, move, copy) are not. TUS resumable uploads and other Supabase
 * services are undefined: passed through untouched.
 */
export function classifyRequest(
  method: string,
  url: URL,
  headers: Headers,
): SupabaseRoute | undefined {
  const path = storagePath(url);
  if (PASSED_THROUGH.test(path)) return undefined;
  const verb = method.toUpperCase();
  const action = OBJECT_ACTIONS.exec(path)?.[1];
  const name = `${verb} ${action ? `/object/${action}` : path.split("/").slice(0, 2).join("/") || "/"}`;
  const route = (idempotency: Idempotency, objectKey?: string): SupabaseRoute => ({
    name,
    idempotency,
    errorIn200: false,
    objectKey,
  });
  const upsert = headers.get("x-upsert") === "true";
  if (verb === "GET" || verb === "HEAD" || verb === "DELETE" || verb === "OPTIONS") {
    return route("idempotent");
  }
  if (path.startsWith("/object/") && action === undefined && (verb === "POST" || verb === "PUT")) {
    // PUT replaces an existing object: sending it twice leaves the same object.
    const objectKey = decodeURIComponent(path.slice("/object/".length));
    return route(verb === "PUT" || upsert ? "idempotent" : "conditional", objectKey);
  }
  if (verb === "PUT" && path.startsWith("/object/upload/sign/")) {
    // uploadToSignedUrl: a second copy of a landed upload is refused unless it upserts.
    return route(upsert ? "idempotent" : "never");
  }
  const safe = verb === "PUT" || (verb === "POST" && SAFE_POSTS.some((post) => post.test(path)));
  return route(safe ? "idempotent" : "never");
}
