import type { Dialect } from "../../errors/dialect.js";
import { normalizeResponseWith } from "../../errors/normalize-response.js";
import { type NormalizeContext, readErrorBody, type StorageError } from "../../index.js";
import type { HttpRoute } from "./http-route.js";

/** A response as one attempt got it, and the start of its body when that was read to decide. */
export interface HttpAnswer {
  readonly response: Response;
  readonly failed: boolean;
  readonly errorBody?: Uint8Array | undefined;
}

/**
 * Reads what deciding on `response` needs: a clone of the body of an answer of status 400 or
 * more, or of a 200 its route says may carry an error document. The response stays unread.
 */
export async function readAnswer(response: Response, route: HttpRoute): Promise<HttpAnswer> {
  const { status } = response;
  if (status < 400 && !(route.errorIn200 && status === 200)) return { response, failed: false };
  const errorBody = await readErrorBody(response);
  return { response, failed: status >= 400 || hasErrorDocument(errorBody), errorBody };
}

/** The StorageError an error answer stands for; undefined for a success. */
export function classifyAnswer(
  answer: HttpAnswer,
  context: NormalizeContext,
  dialect: Dialect,
): StorageError | undefined {
  if (!answer.failed) return undefined;
  const { status, statusText, headers } = answer.response;
  const response = { status, statusText, headers, body: answer.errorBody };
  return normalizeResponseWith(dialect, response, context);
}

/** Cancels the body of a response nobody will read; a failure to cancel is of no interest. */
export function discard(response: Response | undefined): void {
  void response?.body?.cancel().catch(() => undefined);
}

function hasErrorDocument(body: Uint8Array | undefined): boolean {
  return body !== undefined && new TextDecoder().decode(body).includes("<Error>");
}
