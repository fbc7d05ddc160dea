import { withRetry } from "../../index.js";
import { cloneRequest, resumeRange } from "./http-request.js";
import { resumeBody } from "./resume-body.js";
import type { OperationState } from "./retry-middleware.js";

type GetObjectOutput = { Body?: unknown; ETag?: string; ContentLength?: number };

function header(headers: Record<string, string>, name: string): string | undefined {
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return entry?.[1];
}

function isNodeReadable(body: unknown): boolean {
  return (
    typeof body === "object" &&
    body !== null &&
    typeof (body as { pipe?: unknown }).pipe === "function" &&
    Symbol.asyncIterator in body
  );
}

/**
 * Replaces a GetObject output's Body (a Node Readable) with one that continues from the last
 * byte received when the download dies: `Range: bytes=<received>-` plus `If-Match: <ETag>`, so
 * a changed object fails with precondition_failed instead of splicing two versions together.
 * Left alone: no ETag, `PartNumber` reads, suffix ranges (`bytes=-500`), web streams.
 */
export function resumeDownload(output: object, state: OperationState, maxResumes: number): void {
  const out = output as GetObjectOutput;
  const range = header(state.base.headers, "range");
  const etag = out.ETag;
  if (
    etag === undefined ||
    !isNodeReadable(out.Body) ||
    state.base.query.partNumber !== undefined
  ) {
    return;
  }
  if (resumeRange(range, 0) === undefined) return;
  out.Body = resumeBody(out.Body, {
    expectedBytes: out.ContentLength,
    maxResumes,
    fetchFrom: async (offset) => {
      const request = cloneRequest(state.base);
      for (const key of Object.keys(request.headers)) {
        if (/^(range|if-match|if-none-match|if-modified-since|if-unmodified-since)$/i.test(key)) {
          delete request.headers[key];
        }
      }
      request.headers.range = resumeRange(range, offset) ?? "";
      request.headers["if-match"] = etag;
      const result = await withRetry(
        async () => state.next({ ...state.args, request: cloneRequest(request) }),
        { ...state.engine, operation: { name: "GetObject", idempotency: "idempotent" } },
      );
      return (result.output as GetObjectOutput).Body;
    },
  });
}
