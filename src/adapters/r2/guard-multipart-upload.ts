import { bytesAtHand } from "../../body/bytes-at-hand.js";
import { unquoteEtag } from "../../body/etag.js";
import { markAmbiguous } from "../../errors/mark-ambiguous.js";
import type { StorageError } from "../../index.js";
import { md5HexOf } from "./body-digest.js";
import { normalizeR2, type R2Runner } from "./create-r2-runner.js";
import { expectedMultipartEtag } from "./expected-multipart-etag.js";
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
 * with head and accepted only when its etag is the multipart etag of exactly these parts, the
 * MD5 of their contents' MD5s followed by `-<count>`. Each part's MD5 is taken when it is
 * uploaded through this object with its bytes at hand, keyed by the etag R2 gave it (R2's part
 * etags are opaque); without all of them, the NoSuchUpload stands with an ambiguity hint. A
 * retried abort answered 10024 means the first abort landed.
 */
export function guardMultipartUpload(
  upload: R2MultipartUpload,
  { runner, bucket, maxReplayBytes }: MultipartGuardContext,
): R2MultipartUpload {
  const { key, uploadId } = upload;
  const partMd5s = new Map<string, string>();

  const reconcileComplete = async (
    error: StorageError,
    parts: readonly R2UploadedPart[],
  ): Promise<{ value: R2Object } | undefined> => {
    if (error.kind !== "not_found") return undefined;
    const expected = expectedMultipartEtag(parts, partMd5s);
    if (expected === undefined) {
      markAmbiguous(
        error,
        "the MD5 of some part is not known here, so the object cannot be compared",
      );
      return undefined;
    }
    if (!runner.takeSubrequest()) {
      markAmbiguous(error, "no subrequest was left to look the object up");
      return undefined;
    }
    const found = await bucket.head(key).catch(() => null);
    if (found !== null && unquoteEtag(found.etag) === expected) return { value: found };
    markAmbiguous(
      error,
      found === null
        ? "the object could not be looked up"
        : "the stored object's etag is not the multipart etag of these parts",
    );
    return undefined;
  };

  return {
    key,
    uploadId,
    async uploadPart(partNumber, value, options) {
      const body = await awaitBody(prepareBody<R2PartValue>(value, { maxReplayBytes }), (error) =>
        normalizeR2(error, "uploadPart", key),
      );
      const uploaded = await runner.run({
        operation: "uploadPart",
        key,
        bodyReplayable: body.replayable,
        attempt: (attempt) => upload.uploadPart(partNumber, body.forAttempt(attempt), options),
      });
      const bytes = body.replayable ? await bytesAtHand(body.forAttempt(2)) : undefined;
      if (bytes !== undefined) partMd5s.set(uploaded.etag, await md5HexOf(bytes));
      return uploaded;
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
