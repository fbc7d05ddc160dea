import { createHeaderReader } from "../../errors/read-header.js";
import { withRetry } from "../../index.js";
import { cloneRequest, resumeRange } from "./http-request.js";
import type { OperationState } from "./operation-state.js";
import { resumeBody } from "./resume-body.js";
import { sendAttempt } from "./send-attempt.js";

type GetObjectOutput = { Body?: unknown; ETag?: string; ContentLength?: number };

interface NodeBody {
  pipe: unknown;
  /** IncomingMessage: the whole message has been received. */
  complete?: unknown;
  readableLength?: unknown;
}

// The first request's conditions, and its `amz-sdk-request` (`attempt=1; max=N`), which no resume
// is: both are dropped from a resume's copy of it.
const NOT_RESUMED =
  /^(range|if-match|if-none-match|if-modified-since|if-unmodified-since|amz-sdk-request)$/i;

function isNodeReadable(body: unknown): body is NodeBody {
  return (
    typeof body === "object" &&
    body !== null &&
    typeof (body as { pipe?: unknown }).pipe === "function" &&
    Symbol.asyncIterator in body
  );
}

/** Every byte is already in memory: nothing is left to lose, stall or resume. */
function isComplete(body: NodeBody, expectedBytes: number | undefined): boolean {
  if (body.complete === true) return true;
  const buffered = body.readableLength;
  return expectedBytes !== undefined && typeof buffered === "number" && buffered >= expectedBytes;
}

/**
 * Guards a GetObject output's Body (a Node Readable) unless every byte has already arrived.
 * With `maxResumes` above 0 and an ETag it continues from the last byte received when the
 * download dies or stalls: `Range: bytes=<received>-` plus `If-Match: <ETag>`, so a changed
 * object fails with precondition_failed instead of splicing two versions together. Otherwise
 * (no ETag, `PartNumber` reads, suffix ranges, resumes off) a stalled body fails as `timeout`.
 * Web streams are left alone.
 */
export function resumeDownload(output: object, state: OperationState, maxResumes: number): void {
  const out = output as GetObjectOutput;
  const body = out.Body;
  if (!isNodeReadable(body) || isComplete(body, out.ContentLength)) return;
  const range = createHeaderReader(state.base.headers)("range");
  const etag = out.ETag;
  const resumable =
    maxResumes > 0 &&
    etag !== undefined &&
    state.base.query.partNumber === undefined &&
    resumeRange(range, 0) !== undefined;
  if (!resumable && !Number.isFinite(state.stall.ms)) return;
  out.Body = resumeBody(body, {
    expectedBytes: out.ContentLength,
    maxResumes: resumable ? maxResumes : 0,
    stall: state.stall,
    operation: state.commandName,
    fetchFrom: async (offset) => {
      const request = cloneRequest(state.base);
      for (const key of Object.keys(request.headers)) {
        if (NOT_RESUMED.test(key)) delete request.headers[key];
      }
      request.headers.range = resumeRange(range, offset) ?? "";
      if (etag !== undefined) request.headers["if-match"] = etag;
      // Resumes spend what is left of the operation's attempts (at least one each), so a
      // download sends at most `maxAttempts` requests, plus one per resume once they are spent.
      const left = Math.max(1, state.maxAttempts - state.totals.attempts);
      const result = await withRetry(
        async ({ signal }) => {
          state.totals.attempts += 1;
          return sendAttempt(state, cloneRequest(request), signal);
        },
        {
          ...state.engine,
          maxAttempts: left,
          operation: { name: "GetObject", idempotency: "idempotent" },
        },
      );
      return (result.output as GetObjectOutput).Body;
    },
  });
}
