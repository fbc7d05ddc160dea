/**
 * Answers of a real Supabase Storage server (storage 1.11.2, file backend, storage-js 2.109.0
 * and 2.119.1), as a logging proxy recorded them on the wire.
 */
export const RECORDED = {
  /** `upload('hello.txt')` without upsert when the key exists. */
  uploadExists: {
    status: 400,
    headers: { "content-type": "application/json; charset=utf-8" },
    body: '{"statusCode":"409","error":"Duplicate","message":"The resource already exists","code":"KeyAlreadyExists"}',
  },
} as const;

/** A recorded answer as a fresh Response. */
export function replay(answer: {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: string;
}): Response {
  return new Response(answer.body, { status: answer.status, headers: { ...answer.headers } });
}

/**
 * The answer of `GET /object/info/<bucket>/<path>`, in the shape storage-api's info renderer
 * gives it: the object row's fields in snake_case, `etag` from the metadata the backend stored at
 * upload (the file backend's default is the quoted MD5 of the file), and the same ETag as a header.
 */
export function objectInfo(fields: { id: string; name: string; size: number; etag: string }) {
  const body = {
    id: fields.id,
    name: fields.name,
    version: "b6a4e1d2-0000-4000-8000-00000000000a",
    bucket_id: "bg-main",
    size: fields.size,
    content_type: "text/plain;charset=UTF-8",
    cache_control: "max-age=3600",
    etag: fields.etag,
    metadata: {},
    last_modified: "2026-12-01T10:00:00.000Z",
    created_at: "2026-12-01T10:00:00.000Z",
  };
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: {
      "content-type": "application/json; charset=utf-8",
      etag: fields.etag,
      "content-length": String(fields.size),
    },
  });
}
