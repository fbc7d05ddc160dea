import type { StorageError } from "../../index.js";

/** What is needed to check whether an earlier attempt of an upload landed. */
export interface UploadCheck {
  /** Fetch to use (the unguarded one). */
  fetch: typeof fetch;
  /** storage-api's base URL, up to and including `/storage/v1` when present. */
  baseUrl: string;
  /** `bucket/path`. */
  objectKey: string;
  /** Headers of the upload (Authorization, apikey). */
  headers: Headers;
  /** Size of what was uploaded, in bytes. */
  sizeBytes: number;
  signal?: AbortSignal | undefined;
}

/**
 * Asks storage-api for the object's info (`GET /object/info/<bucket>/<path>`, the route
 * storage-js's `info()` calls) and, when its size is the uploaded size, answers a success
 * response shaped like storage-api's upload response (`{ Id, Key }`). Undefined when the
 * object is missing, differs, or the check itself fails: the refusal is then reported.
 */
export async function reconcileUpload(check: UploadCheck): Promise<Response | undefined> {
  const headers = new Headers();
  for (const name of ["authorization", "apikey"]) {
    const value = check.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const path = check.objectKey.split("/").map(encodeURIComponent).join("/");
  try {
    const response = await check.fetch(`${check.baseUrl}/object/info/${path}`, {
      method: "GET",
      headers,
      signal: check.signal,
    });
    if (!response.ok) {
      await response.body?.cancel();
      return undefined;
    }
    const info = (await response.json()) as { id?: unknown; size?: unknown; metadata?: unknown };
    const metadata = (info.metadata ?? {}) as { size?: unknown; contentLength?: unknown };
    const size = Number(info.size ?? metadata.size ?? metadata.contentLength);
    if (size !== check.sizeBytes) return undefined;
    const body = { Id: typeof info.id === "string" ? info.id : undefined, Key: check.objectKey };
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { "content-type": "application/json", "x-bucketguard-reconciled": "true" },
    });
  } catch {
    return undefined;
  }
}

/** Whether an upload attempt that failed this way may still have stored the object. */
export function mayHaveLanded(error: StorageError): boolean {
  return (
    error.kind === "network" ||
    error.kind === "timeout" ||
    error.kind === "server_error" ||
    error.kind === "unavailable" ||
    error.kind === "unknown"
  );
}
