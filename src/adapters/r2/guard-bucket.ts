import { markAmbiguous } from "../../errors/mark-ambiguous.js";
import {
  checkCount,
  checkDuration,
  checkFunction,
  checkObject,
  checkOneOf,
} from "../../retry/validate-options.js";
import { resolveSettings } from "../shared/resolve-settings.js";
import { createR2Runner, normalizeR2 } from "./create-r2-runner.js";
import { DEFAULT_MAX_REPLAY_BYTES, type GuardBucketOptions } from "./guard-bucket-options.js";
import { guardMultipartUpload } from "./guard-multipart-upload.js";
import { createPreconditionFailedError } from "./precondition-failed-error.js";
import { awaitBody, prepareBody } from "./prepare-body.js";
import type {
  R2Bucket,
  R2GetOptions,
  R2ListOptions,
  R2MultipartOptions,
  R2Object,
  R2ObjectBody,
  R2PutOptions,
  R2PutValue,
} from "./r2-types.js";
import { reconcileConditionalPut } from "./reconcile-conditional-put.js";

/**
 * Wraps an R2 binding: the result is a drop-in `R2Bucket` whose calls are retried by retry
 * class, throw only `StorageError`s (provider `r2`, operation the binding's method), pace
 * writes to a key (one per `writeIntervalMs`), replay bodies safely and stop before
 * `subrequestLimit`. Missing keys still give null, and an unmet `onlyIf` still gives null (put)
 * or an object without body (get) unless `preconditionFailed: "error"`.
 *
 * Ambiguous retries are checked, not guessed: a retried conditional put answered null is
 * accepted only when head proves the stored object is our body (its MD5, or a SHA checksum the
 * put carried); multipart complete and abort reconcile NoSuchUpload (see
 * `guardMultipartUpload`). A retried createMultipartUpload may leave the first upload unused
 * (R2 aborts it after 7 days). Bodies of `get` are not retried once returned.
 *
 * Create one per request: the subrequest count and the pacing queue live in the returned object.
 */
export function guardBucket<Bucket extends R2Bucket>(
  bucket: Bucket,
  options: GuardBucketOptions = {},
): Bucket {
  const settings = resolveSettings(options, { maxReplayBytes: DEFAULT_MAX_REPLAY_BYTES });
  checkOptions(options);
  const runner = createR2Runner(options, settings);
  const { maxReplayBytes } = settings;
  const preconditionError = options.preconditionFailed === "error";
  const multipart = { runner, bucket, maxReplayBytes };
  const { bodyFactory } = options;

  const get = async (
    key: string,
    getOptions?: R2GetOptions,
  ): Promise<R2ObjectBody | R2Object | null> => {
    const found = await runner.run({
      operation: "get",
      key,
      attempt: () => bucket.get(key, getOptions),
    });
    // An unmet onlyIf gives an R2Object without body methods (R2ObjectBody has them).
    const bodiless =
      found !== null && typeof (found as Partial<R2ObjectBody>).arrayBuffer !== "function";
    if (bodiless && getOptions?.onlyIf && preconditionError)
      throw createPreconditionFailedError("get");
    return found;
  };

  const put = async (
    key: string,
    value: R2PutValue,
    putOptions?: R2PutOptions,
  ): Promise<R2Object | null> => {
    const factory = bodyFactory ? () => bodyFactory(key) as R2PutValue : undefined;
    const prepared = prepareBody(value, { maxReplayBytes, bodyFactory: factory });
    // Plain bodies go straight to the queue, so writes to a key keep their call order.
    const body =
      prepared instanceof Promise
        ? await awaitBody(prepared, (error) => normalizeR2(error, "put", key))
        : prepared;
    let attempts = 0;
    let lastSent: R2PutValue = null;
    const stored = await runner.run({
      operation: "put",
      key,
      writeKeys: [key],
      idempotency: putOptions?.onlyIf ? "conditional" : "idempotent",
      bodyReplayable: body.replayable,
      attempt: (attempt) => {
        attempts = attempt;
        lastSent = body.forAttempt(attempt);
        return bucket.put(key, lastSent, putOptions);
      },
    });
    if (stored !== null || attempts <= 1) {
      if (stored === null && preconditionError) throw createPreconditionFailedError("put");
      return stored;
    }
    const outcome = await reconcileConditionalPut(bucket, runner, key, lastSent, putOptions);
    if (outcome.landed === null && preconditionError) {
      throw markAmbiguous(createPreconditionFailedError("put"), outcome.reason);
    }
    return outcome.landed;
  };

  const guarded: R2Bucket = {
    head: (key) => runner.run({ operation: "head", key, attempt: () => bucket.head(key) }),
    get: get as R2Bucket["get"],
    put: put as R2Bucket["put"],
    delete(keys: string | string[]) {
      const writeKeys = typeof keys === "string" ? [keys] : keys;
      const key = typeof keys === "string" ? keys : undefined;
      return runner.run({
        operation: "delete",
        key,
        writeKeys,
        attempt: () => bucket.delete(keys),
      });
    },
    list: (listOptions?: R2ListOptions) =>
      runner.run({ operation: "list", attempt: () => bucket.list(listOptions) }),
    async createMultipartUpload(key: string, createOptions?: R2MultipartOptions) {
      const upload = await runner.run({
        operation: "createMultipartUpload",
        key,
        attempt: () => bucket.createMultipartUpload(key, createOptions),
      });
      return guardMultipartUpload(upload, multipart);
    },
    resumeMultipartUpload(key: string, uploadId: string) {
      try {
        return guardMultipartUpload(bucket.resumeMultipartUpload(key, uploadId), multipart);
      } catch (error) {
        throw normalizeR2(error, "resumeMultipartUpload", key);
      }
    },
  };
  // The wrapper has every method the adapter knows of R2Bucket, with the binding's signatures.
  return guarded as Bucket;
}

/** Checks what only `guardBucket` takes (the shared options are checked by resolveSettings). */
function checkOptions(options: GuardBucketOptions): void {
  checkDuration("writeIntervalMs", options.writeIntervalMs);
  checkCount("subrequestLimit", options.subrequestLimit, 0);
  checkFunction("bodyFactory", options.bodyFactory);
  checkOneOf("preconditionFailed", options.preconditionFailed, ["null", "error"]);
  checkObject("signal", options.signal);
}
