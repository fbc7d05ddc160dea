import type { StorageError } from "../../index.js";
import { byteLengthOf } from "./byte-length-of.js";
import { normalizeR2, type R2Runner } from "./create-r2-runner.js";
import { awaitBody, prepareBody } from "./prepare-body.js";
import type {
  R2Bucket,
  R2MultipartUpload,
  R2Object,
  R2PartValue,
  R2UploadedPart,
} from "./r2-types.js";

/** What a guarded multipart upload needs from its bucket. */
export interface MultipartGuardContext {
  runner: R2Runner;
  /** The unguarded binding, for the reconciling head. */
  bucket: R2Bucket;
  maxReplayBytes: number;
}

/**
 * Wraps an upload so that uploadPart, complete and abort are retried. A retried complete that
 * R2 answers 10024 (NoSuchUpload) may have landed on an earlier attempt: the object is looked up
 * with head and accepted when its etag is a multipart etag of as many parts (`<md5>-<n>`; R2's
 * part etags are opaque, so the md5 cannot be recomputed) and, when every part's size is known,
 * its size is their sum. A retried abort answered 10024 means the first abort landed.
 */
export function guardMultipartUpload(
  upload: R2MultipartUpload,
  { runner, bucket, maxReplayBytes }: MultipartGuardContext,
): R2MultipartUpload {
  const { key, uploadId } = upload;
  const partSizes = new Map<number, number | undefined>();

  const reconcileComplete = async (
    error: StorageError,
    parts: readonly R2UploadedPart[],
  ): Promise<{ value: R2Object } | undefined> => {
    if (error.kind !== "not_found" || !runner.takeSubrequest()) return undefined;
    const found = await bucket.head(key).catch(() => null);
    if (!found?.etag.endsWith(`-${parts.length}`)) return undefined;
    const sizes = parts.map((part) => partSizes.get(part.partNumber));
    const known = sizes.every((size) => size !== undefined);
    const expected = sizes.reduce<number>((sum, size) => sum + (size ?? 0), 0);
    return known && found.size !== expected ? undefined : { value: found };
  };

  return {
    key,
    uploadId,
    async uploadPart(partNumber, value, options) {
      const body = await awaitBody(prepareBody<R2PartValue>(value, { maxReplayBytes }), (error) =>
        normalizeR2(error, "uploadPart", key),
      );
      partSizes.set(partNumber, byteLengthOf(body.forAttempt(2)));
      return runner.run({
        operation: "uploadPart",
        key,
        bodyReplayable: body.replayable,
        attempt: (attempt) => upload.uploadPart(partNumber, body.forAttempt(attempt), options),
      });
    },
    complete(uploadedParts) {
      return runner.run({
        operation: "completeMultipartUpload",
        key,
        writeKeys: [key],
        idempotency: "conditional",
        attempt: () => upload.complete(uploadedParts),
        reconcile: (error) => reconcileComplete(error, uploadedParts),
      });
    },
    abort() {
      return runner.run({
        operation: "abortMultipartUpload",
        key,
        attempt: () => upload.abort(),
        reconcile: async (error) => (error.kind === "not_found" ? { value: undefined } : undefined),
      });
    },
  };
}
