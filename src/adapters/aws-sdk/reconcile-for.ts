import type { FinalizeHandlerOutput, HashConstructor } from "@smithy/types";
import type { Reconciled, RetryOptions, StorageError } from "../../index.js";
import type { CommandSafety } from "./command-safety.js";
import { toHeadRequest } from "./http-request.js";
import { type HeadResult, reconcileWrite } from "./reconcile-write.js";
import type { ReplayPlan } from "./replay-body.js";
import type { OperationState } from "./retry-middleware.js";

type Result = FinalizeHandlerOutput<object>;

async function bytesOf(body: unknown): Promise<Uint8Array | undefined> {
  if (typeof body === "string") return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  if (ArrayBuffer.isView(body))
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (typeof Blob !== "undefined" && body instanceof Blob) {
    return new Uint8Array(await body.arrayBuffer());
  }
  return undefined;
}

function readHeaders(response: unknown): Record<string, string> {
  const headers = (response as { headers?: unknown } | undefined)?.headers;
  return typeof headers === "object" && headers !== null ? (headers as Record<string, string>) : {};
}

/**
 * The engine's `reconcile` for a conditional write: a HeadObject of the key, sent through the
 * rest of the stack (so it is signed like any attempt), settles whether an earlier attempt
 * landed. On success the call resolves with the ETag the object now has.
 */
export function reconcileFor(
  safety: CommandSafety,
  state: OperationState,
  plan: ReplayPlan,
  md5: HashConstructor | undefined,
): RetryOptions<Result>["reconcile"] {
  if (safety.reconcile === undefined) return undefined;
  let headResponse: unknown;
  const head = async (): Promise<HeadResult | undefined> => {
    const { context } = state;
    const commandName = context.commandName;
    // S3's deserialize step treats an empty 200 to CompleteMultipartUpload as a failure; the
    // HEAD answer is empty by design, so it runs under HeadObject's name.
    context.commandName = "HeadObjectCommand";
    try {
      const { response } = await state.next({ ...state.args, request: toHeadRequest(state.base) });
      headResponse = response;
      const headers = readHeaders(response);
      const length = Number(headers["content-length"]);
      return { etag: headers.etag, sizeBytes: Number.isFinite(length) ? length : undefined };
    } finally {
      context.commandName = commandName;
    }
  };
  return async (error: StorageError): Promise<Reconciled<Result> | undefined> => {
    const input = state.args.input as Record<string, unknown>;
    const etag = await reconcileWrite(error, {
      safety,
      input,
      bodyBytes: await bytesOf(await plan.bodyFor(1)),
      md5,
      head,
    });
    if (etag === undefined) return undefined;
    const $metadata = { httpStatusCode: 200 };
    const output = { $metadata, ETag: etag, Bucket: input.Bucket, Key: input.Key };
    return { value: { response: headResponse, output } };
  };
}
