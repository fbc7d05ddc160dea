// The R2 binding's types, declared structurally: only what the adapter reads or passes on.
// The published declarations then need neither `@cloudflare/workers-types` nor the global types
// `wrangler types` writes, nor the DOM lib; the binding of either setup is assignable to
// `R2Bucket` here, and `guardBucket` gives back the caller's own bucket type.

/** A byte stream from any realm (Workers, Node, a Miniflare proxy), as R2 takes it. */
export interface R2ReadableStream {
  /** Locks the stream to a reader; the adapter reads a stream it buffers for a retry this way. */
  getReader(): unknown;
  /** Splits the stream in two, each with every byte. */
  tee(): [unknown, unknown];
}

/** A Blob, as R2 takes it. */
export interface R2Blob {
  /** Size in bytes. */
  readonly size: number;
  /** All of its bytes. */
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
  /** The object's key. */
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
  /** Reads the whole body. */
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Options of `get`, passed to the binding as they are (`onlyIf` is read). */
export interface R2GetOptions {
  /** Conditions on the stored object (etag, upload date); unmet, `get` returns metadata only. */
  readonly onlyIf?: unknown;
  /** The part of the body to read (offset, length or suffix). */
  readonly range?: unknown;
}

/** Options of `put`, passed to the binding as they are (`onlyIf` and the checksums are read). */
export interface R2PutOptions {
  /** Conditions on the stored object; unmet, `put` writes nothing and returns null. */
  readonly onlyIf?: unknown;
  /** The body's MD5 (hex string or bytes), checked by R2 and used to prove a landed write. */
  readonly md5?: unknown;
  /** The body's SHA-1 (hex string or bytes), checked by R2. */
  readonly sha1?: unknown;
  /** The body's SHA-256 (hex string or bytes), checked by R2. */
  readonly sha256?: unknown;
  /** The body's SHA-384 (hex string or bytes), checked by R2. */
  readonly sha384?: unknown;
  /** The body's SHA-512 (hex string or bytes), checked by R2. */
  readonly sha512?: unknown;
}

/** Options of `list`, passed to the binding as they are. */
export type R2ListOptions = object;

/** Options of `createMultipartUpload`, passed to the binding as they are. */
export type R2MultipartOptions = object;

/** A part of a multipart upload, as `uploadPart` returns it and `complete` takes it. */
export interface R2UploadedPart {
  /** The part's number, from 1. */
  partNumber: number;
  /** The part's ETag, as R2 returned it. */
  etag: string;
}

/** A multipart upload, as the binding returns it. */
export interface R2MultipartUpload {
  /** The key the upload writes. */
  readonly key: string;
  /** The upload's id, to resume it with `resumeMultipartUpload`. */
  readonly uploadId: string;
  /** Uploads part `partNumber` (from 1). */
  uploadPart(partNumber: number, value: R2PartValue, options?: object): Promise<R2UploadedPart>;
  /** Abandons the upload and its parts. */
  abort(): Promise<void>;
  /** Joins the parts into the object. */
  complete(uploadedParts: R2UploadedPart[]): Promise<R2Object>;
}

/** An R2 bucket binding (`env.BUCKET`): the methods `guardBucket` wraps. */
export interface R2Bucket {
  /** An object's metadata, or null when there is none. */
  head(key: string): Promise<R2Object | null>;
  /** An object with its body (metadata only when `onlyIf` fails), or null when there is none. */
  get(key: string, options?: R2GetOptions): Promise<R2ObjectBody | R2Object | null>;
  /** Writes an object; null when `onlyIf` fails. */
  put(key: string, value: R2PutValue, options?: R2PutOptions): Promise<R2Object | null>;
  /** Deletes one key or several. */
  delete(keys: string | string[]): Promise<void>;
  /** Lists objects (a page of them with a cursor). */
  list(options?: R2ListOptions): Promise<unknown>;
  /** Starts a multipart upload of `key`. */
  createMultipartUpload(key: string, options?: R2MultipartOptions): Promise<R2MultipartUpload>;
  /** A handle on an upload started earlier (no request is sent). */
  resumeMultipartUpload(key: string, uploadId: string): R2MultipartUpload;
}
