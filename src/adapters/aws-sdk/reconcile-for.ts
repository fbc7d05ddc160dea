import type { FinalizeHandlerOutput, HashConstructor } from "@smithy/types";
import { bytesAtHand } from "../../body/bytes-at-hand.js";
import { markAmbiguous } from "../../errors/mark-ambiguous.js";
import { createHeaderReader } from "../../errors/read-header.js";
import type { Reconciled, ReplayBody, RetryOptions, StorageError } from "../../index.js";
import type { CommandSafety } from "./command-safety.js";
import { toHeadRequest } from "./http-request.js";
import type { OperationState } from "./operation-state.js";
import { CHECKSUM_ALGORITHMS, type HeadResult, reconcileWrite } from "./reconcile-write.js";
import type { SdkBody } from "./replay-body.js";
import { sendAttempt } from "./send-attempt.js";

type Result = FinalizeHandlerOutput<object>;

function readHeaders(response: unknown): Record<string, string> {
  const headers = (response as { headers?: unknown } | undefined)?.headers;
  return typeof headers === "object" && headers !== null ? (headers as Record<string, string>) : {};
}

/** Whether the request carried a flexible checksum (in a header or announced as a trailer). */
function carriesChecksum(headers: Record<string, string>): boolean {
  const header = createHeaderReader(headers);
  if (header("x-amz-trailer")?.startsWith("x-amz-checksum-")) return true;
  return CHECKSUM_ALGORITHMS.some((name) => header(`x-amz-checksum-${name}`));
}

/**
 * The engine's `reconcile` for a conditional write: a HeadObject of the key, sent through the
 * rest of the stack (so it is signed like any attempt), settles whether an earlier attempt
 * landed; it asks for the stored checksums when the write carried one. On proof the call
 * resolves with the ETag the object now has; otherwise the error stands, its hint saying why the
 * outcome is ambiguous.
 */
export function reconcileFor(
  safety: CommandSafety,
  state: OperationState,
  plan: ReplayBody<SdkBody>,
  md5: HashConstructor | undefined,
): RetryOptions<Result>["reconcile"] {
  if (safety.reconcile === undefined) return undefined;
  let headResponse: unknown;
  const head = async (): Promise<HeadResult | undefined> => {
    const { context } = state;
    const commandName = context.commandName;
    const request = toHeadRequest(state.base);
    if (carriesChecksum(state.base.headers)) request.headers["x-amz-checksum-mode"] = "ENABLED";
    // S3's deserialize step treats an empty 200 to CompleteMultipartUpload as a failure; the
    // HEAD answer is empty by design, so it runs under HeadObject's name.
    context.commandName = "HeadObjectCommand";
    try {
      // Under the stall limit like any attempt, and cancelled with the caller's signal: a HEAD
      // that never answers must not hang the call.
      const { response } = await sendAttempt(state, request, state.handles.abortSignal);
      headResponse = response;
      return { headers: readHeaders(response) };
    } finally {
      context.commandName = commandName;
    }
  };
  return async (error: StorageError): Promise<Reconciled<Result> | undefined> => {
    const input = state.args.input as Record<string, unknown>;
    const outcome = await reconcileWrite(error, {
      safety,
      input,
      bodyBytes: await bytesAtHand(await plan.forAttempt(1)),
      requestHeaders: state.base.headers,
      md5,
      head,
    });
    if (outcome === undefined) return undefined;
    if (!outcome.proven) {
      markAmbiguous(error, outcome.reason);
      return undefined;
    }
    // No VersionId: the content is proven ours, the current version need not be our write.
    const $metadata = { httpStatusCode: 200 };
    const output = { $metadata, ETag: outcome.etag, Bucket: input.Bucket, Key: input.Key };
    return { value: { response: headResponse, output } };
  };
}
