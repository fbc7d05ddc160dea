// Module-scoped Workers types: importing them (rather than adding the package to `types`) keeps
// the Workers globals out of the project, and the emitted .d.ts refers to the peer package.
import type { R2Bucket, R2MultipartUpload } from "@cloudflare/workers-types";

/** What `R2Bucket.put` accepts as a value. */
export type R2PutValue = Parameters<R2Bucket["put"]>[1];

/** What `R2MultipartUpload.uploadPart` accepts as a value. */
export type R2PartValue = Parameters<R2MultipartUpload["uploadPart"]>[1];

/** Any body the adapter handles: a put value or a part value. */
export type R2BodyValue = R2PutValue | R2PartValue;
