// The R2 binding's types, declared structurally: only what the adapter reads or passes on.
// The published declarations then need neither `@cloudflare/workers-types` nor the global types
// `wrangler types` writes, nor the DOM lib; the binding of either setup is assignable to
// `R2Bucket` here, and `guardBucket` gives back the caller's own bucket type.

/** A byte stream from any realm (Workers, Node, a Miniflare proxy), as R2 takes it. */
export interface R2ReadableStream {
  getReader(): unknown;
  tee(): [unknown, unknown];
}

/** A Blob, as R2 takes it. */
export interface R2Blob {
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** What `R2Bucket.put` accepts as a value. */
export type R2PutValue = R2ReadableStream | ArrayBuffer | ArrayBufferView | string | null | R2Blob;

/** What `R2MultipartUpload.uploadPart` accepts as a value. */
export type R2PartValue = R2ReadableStream | ArrayBuffer | ArrayBufferView | string | R2Blob;

/** Any body the adapter handles: a put value or a part value. */
export type R2BodyValue = R2PutValue | R2PartValue;

/** An object's metadata, as the binding returns it (the fields the adapter reads). */
export interface R2Object {
  readonly key: string;
  /** Size in bytes. */
  readonly size: number;
  /** The MD5 of a single-part object, `<md5>-<parts>` for a multipart one; unquoted. */
  readonly etag: string;
  /** The checksums R2 stored (`md5` always for a single-part put; a SHA where one was given). */
  readonly checksums?: object;
}

/** An object with its body. */
export interface R2ObjectBody extends R2Object {
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Options of `get`, passed to the binding as they are (`onlyIf` is read). */
export interface R2GetOptions {
  readonly onlyIf?: unknown;
  readonly range?: unknown;
}

/** Options of `put`, passed to the binding as they are (`onlyIf` and the checksums are read). */
export interface R2PutOptions {
  readonly onlyIf?: unknown;
  readonly md5?: unknown;
  readonly sha1?: unknown;
  readonly sha256?: unknown;
  readonly sha384?: unknown;
  readonly sha512?: unknown;
}

/** Options of `list`, passed to the binding as they are. */
export type R2ListOptions = object;

/** Options of `createMultipartUpload`, passed to the binding as they are. */
export type R2MultipartOptions = object;

/** A part of a multipart upload, as `uploadPart` returns it and `complete` takes it. */
export interface R2UploadedPart {
  partNumber: number;
  etag: string;
}

/** A multipart upload, as the binding returns it. */
export interface R2MultipartUpload {
  readonly key: string;
  readonly uploadId: string;
  uploadPart(partNumber: number, value: R2PartValue, options?: object): Promise<R2UploadedPart>;
  abort(): Promise<void>;
  complete(uploadedParts: R2UploadedPart[]): Promise<R2Object>;
}

/** An R2 bucket binding (`env.BUCKET`): the methods `guardBucket` wraps. */
export interface R2Bucket {
  head(key: string): Promise<R2Object | null>;
  get(key: string, options?: R2GetOptions): Promise<R2ObjectBody | R2Object | null>;
  put(key: string, value: R2PutValue, options?: R2PutOptions): Promise<R2Object | null>;
  delete(keys: string | string[]): Promise<void>;
  list(options?: R2ListOptions): Promise<unknown>;
  createMultipartUpload(key: string, options?: R2MultipartOptions): Promise<R2MultipartUpload>;
  resumeMultipartUpload(key: string, uploadId: string): R2MultipartUpload;
}
