import {
  normalize,
  normalizeResponse,
  prepareReplayBody,
  type RetrySettings,
  readErrorBody,
  type StorageError,
  withRetry,
} from "../../index.js";
import { classifyRequest, storagePath } from "./classify-request.js";
import { keepAnswer, keepErrorAnswer } from "./keep-answer.js";
import { mayHaveLanded, reconcileUpload } from "./reconcile-upload.js";

/** Options of the Supabase {@link guardFetch}. */
export interface SupabaseGuardOptions extends RetrySettings {
  /** Largest streamed request body buffered so it can be re-sent, in bytes. Default 8 MiB. */
  maxReplayBytes?: number;
  /**
   * Whether a retried upload (POST without `x-upsert: true`) refused as "already exists" is
   * checked against the object's info, and answered as a success when the earlier attempt
   * stored it. Default true; false never retries such uploads.
   */
  reconcileUploads?: boolean;
}

/** Default of {@link SupabaseGuardOptions.maxReplayBytes}: 8 MiB. */
export const DEFAULT_MAX_REPLAY_BYTES = 8 * 1024 * 1024;

/**
 * Wraps `fetch` (default: the global one) for `@supabase/storage-js` / `supabase-js`: each
 * error response is classified by its JSON body (the `statusCode` inside, not the HTTP 400)
 * and retried by class where repeating is safe. The final response is returned untouched and
 * unread, and network failures are rethrown as they came, so storage-js reports as before. What
 * the error body said is kept for `unwrap`/`normalize`, which storage-js before 2.112 would lose
 * (`code`, `error`). TUS resumable uploads are passed through (the TUS client resumes by itself).
 */
export function guardFetch(
  baseFetch?: typeof fetch,
  options: SupabaseGuardOptions = {},
): typeof fetch {
  const callFetch: typeof fetch = baseFetch ?? ((input, init) => globalThis.fetch(input, init));
  const { maxReplayBytes = DEFAULT_MAX_REPLAY_BYTES, reconcileUploads = true, ...retry } = options;

  const guarded = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request?.url ?? String(input));
    const method = init?.method ?? request?.method ?? "GET";
    const headers = new Headers(init?.headers ?? request?.headers);
    const route = classifyRequest(method, url, headers);
    const mayRetryUpload = route.idempotency !== "conditional" || reconcileUploads;
    if (route.type === "resumable" || route.type === "foreign") return callFetch(input, init);
    if (route.idempotency === "never" || !mayRetryUpload) {
      const response = await callFetch(input, init);
      if (response.status >= 400) await keepErrorAnswer(response);
      return response;
    }
    const callerSignal = init?.signal ?? request?.signal ?? undefined;
    const body = await prepareReplayBody(init?.body ?? request?.body, maxReplayBytes);
    const baseInit: RequestInit = { ...init, method, headers };
    const context = { provider: "supabase" as const, operation: route.name };
    const responses = new WeakMap<
      StorageError,
      { response: Response; raw: Uint8Array | undefined }
    >();
    const thrown = new WeakMap<StorageError, unknown>();
    // Errors of the attempts before the current one (timeouts included).
    const failures: StorageError[] = [];
    let lastResponse: Response | undefined;

    try {
      return await withRetry(
        async (ctx) => {
          void lastResponse?.body?.cancel().catch(() => undefined);
          if (ctx.lastError) failures.push(ctx.lastError);
          const signal = callerSignal ? AbortSignal.any([ctx.signal, callerSignal]) : ctx.signal;
          const response = await callFetch(url, { ...baseInit, body: body.next(), signal });
          lastResponse = response;
          if (response.status < 400) return response;
          const raw = await readErrorBody(response);
          const error = normalizeResponse(
            {
              status: response.status,
              statusText: response.statusText,
              headers: response.headers,
              body: raw,
            },
            context,
          );
          responses.set(error, { response, raw });
          throw error;
        },
        {
          ...retry,
          signal: callerSignal,
          context,
          operation: {
            name: route.name,
            idempotency: route.idempotency,
            bodyReplayable: body.replayable,
          },
          normalize(value, ctx) {
            const error = normalize(value, ctx);
            if (!responses.has(error)) thrown.set(error, value);
            return error;
          },
          reconcile: async (refusal) => {
            const { objectKey } = route;
            if (route.idempotency !== "conditional" || !objectKey || !body.replayable) {
              return undefined;
            }
            // Only an earlier attempt that may have stored the object can explain the refusal.
            if (!failures.some(mayHaveLanded)) return undefined;
            const path = url.pathname;
            const baseUrl = `${url.origin}${path.slice(0, path.length - storagePath(url).length)}`;
            const landed = await reconcileUpload(
              {
                fetch: callFetch,
                baseUrl,
                objectKey,
                headers,
                body: body.next(),
                signal: callerSignal,
              },
              refusal,
            );
            if (!landed) return undefined;
            void lastResponse?.body?.cancel().catch(() => undefined);
            return { value: landed };
          },
        },
      );
    } catch (error) {
      // fetch rejects with the signal's reason on abort; callers test for it (AbortError).
      if (callerSignal?.aborted) throw callerSignal.reason;
      const answer = responses.get(error as StorageError);
      if (answer) {
        keepAnswer(answer.response.status, answer.raw);
        return answer.response;
      }
      const original = thrown.get(error as StorageError);
      throw original ?? error;
    }
  };
  return guarded as typeof fetch;
}
