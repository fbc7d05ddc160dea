import { parseSupabaseJson, type SupabaseBody } from "../parse/supabase-json.js";

/**
 * Error answers kept until the storage-js error made from each is normalized. storage-js before
 * 2.112 keeps only `message` and `statusCode` of the body; the Supabase guardFetch, which read the
 * whole body, leaves it here so that code and label reach `normalize()`. Bounded: the oldest go.
 */
export const MAX_KEPT_ANSWERS = 32;

interface KeptAnswer {
  readonly httpStatus: number;
  readonly body: SupabaseBody;
}

const kept: KeptAnswer[] = [];
// A storage-js error keeps what it was matched with, so normalizing it twice gives one answer.
const matched = new WeakMap<object, SupabaseBody>();

/** Keeps an error answer's body (text of a Supabase JSON body) for {@link recallSupabaseAnswer}. */
export function keepSupabaseAnswer(httpStatus: number, text: string): void {
  const body = parseSupabaseJson(text);
  // storage-js's error carries the message: without one nothing could be matched.
  if (body?.message === undefined) return;
  kept.push({ httpStatus, body });
  if (kept.length > MAX_KEPT_ANSWERS) kept.shift();
}

/** What a storage-js error shows of its answer. */
export interface AnswerTraits {
  readonly httpStatus?: number | undefined;
  readonly status?: number | undefined;
  readonly message?: string | undefined;
}

/**
 * The kept body of the answer `error` was made from: the oldest kept answer with the same HTTP
 * status, body status and message, taken so no other error claims it. When several wait with
 * different codes, only what they share is returned.
 */
export function recallSupabaseAnswer(
  error: object,
  traits: AnswerTraits,
): SupabaseBody | undefined {
  const earlier = matched.get(error);
  if (earlier !== undefined || traits.message === undefined) return earlier;
  const candidates = kept.filter(
    (answer) =>
      answer.httpStatus === traits.httpStatus &&
      answer.body.message === traits.message &&
      (traits.status === undefined || answer.body.status === traits.status),
  );
  const [first] = candidates;
  if (first === undefined) return undefined;
  kept.splice(kept.indexOf(first), 1);
  const agree = (field: "code" | "label") =>
    candidates.every((answer) => answer.body[field] === first.body[field]);
  const body: SupabaseBody = {
    status: first.body.status,
    message: first.body.message,
    code: agree("code") ? first.body.code : undefined,
    label: agree("label") ? first.body.label : undefined,
  };
  matched.set(error, body);
  return body;
}
