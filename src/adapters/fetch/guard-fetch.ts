import {
  type AttemptContext,
  normalize,
  normalizeResponse,
  type Provider,
  prepareReplayBody,
  type RetryOptions,
  type RetrySettings,
  readErrorBody,
  type StorageError,
  systemClock,
  withRetry,
} from "../../index.js";
import { classifyMethod, mayFailWith200, type RetryPostOption } from "./classify-method.js";
import {
  checkStallTimeout,
  DEFAULT_STALL_TIMEOUT_MS,
  guardBody,
  responseLimitMs,
  stallError,
} from "./stall-guard.js";

/** Options of the fetch {@link guardFetch}. */
export interface FetchGuardOptions
  extends RetrySettings,
    Pick<RetryOptions<Response>, "refreshCredentials" | "onClockSkew"> {
  /** Who answers, when known; default: detected from each response's headers and body. */
  provider?: Provider;
  /** Largest streamed request body buffered so it can be re-sent, in bytes. Default 8 MiB. */
  maxReplayBytes?: number;
  /** Whether POSTs other than DeleteObjects may be repeated. Default false. */
  retryPost?: RetryPostOption;
  /**
   * Signs each attempt (for instance `(request) => aws.sign(request)` with aws4fetch), so every
   * retry carries a fresh X-Amz-Date. Default: requests are sent as given.
   */
  presign?: (request: Request, context: PresignContext) => Request | Promise<Request>;
  /** Throw the final error as a StorageError instead of returning the error response. Default false. */
  throwOnError?: boolean;
  /**
   * Longest time a request may make no progress, in milliseconds: no response yet (plus the time
   * to send a body of known size at 64 KiB/s), or no body bytes while a read waits for them.
   * Then the request is aborted and fails as a transient `timeout`: retried before the response
   * is returned, an error from the body's reader after. `Infinity` turns it off.
   * @default 30000
   */
  stallTimeoutMs?: number;
}

/** What {@link FetchGuardOptions.presign} is told about the attempt it signs. */
export interface PresignContext {
  /** 1-based. */
  attempt: number;
  /**
   * Learned offset of the server's clock from ours (server minus local), in milliseconds: sign
   * with `Date.now() + clockOffsetMs` after a RequestTimeTooSkewed.
   */
  clockOffsetMs: number;
}

/** Default of {@link FetchGuardOptions.maxReplayBytes}: 8 MiB. */
export const DEFAULT_MAX_REPLAY_BYTES = 8 * 1024 * 1024;

type Init = RequestInit & { duplex?: "half" };

/**
 * Wraps `fetch` (default: the global one) for any fetch-based S3 client or presigned URLs:
 * responses of status 400 and above are classified from their S3 XML and retried by class
 * where the method makes repeating safe. The final response is returned untouched and unread
 * (or thrown as a StorageError with `throwOnError`); network failures are rethrown as they came.
 * Turn off the client's own retries (aws4fetch: `retries: 0`) or attempts multiply.
 */
export function guardFetch(
  baseFetch?: typeof fetch,
  options: FetchGuardOptions = {},
): typeof fetch {
  const callFetch: typeof fetch = baseFetch ?? ((input, init) => globalThis.fetch(input, init));
  checkStallTimeout(options.stallTimeoutMs);
  const {
    maxReplayBytes = DEFAULT_MAX_REPLAY_BYTES,
    retryPost,
    presign,
    throwOnError,
    provider,
    stallTimeoutMs = DEFAULT_STALL_TIMEOUT_MS,
    ...retry
  } = options;
  const clock = retry.clock ?? systemClock;

  const guarded = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request?.url ?? String(input));
    const method = (init?.method ?? request?.method ?? "GET").toUpperCase();
    const idempotency = classifyMethod(method, url, retryPost);
    const callerSignal = init?.signal ?? request?.signal ?? undefined;
    const rawBody = init?.body ?? request?.body;
    const body =
      idempotency === "never"
        ? { next: () => rawBody, replayable: false, sizeBytes: undefined }
        : await prepareReplayBody(rawBody, maxReplayBytes);
    const baseInit: Init = {
      ...init,
      method,
      headers: new Headers(init?.headers ?? request?.headers),
    };
    if (rawBody instanceof ReadableStream) baseInit.duplex = "half";
    const context = { provider, operation: `${method} ${url.pathname}` };
    const responses = new WeakMap<StorageError, Response>();
    const thrown = new WeakMap<StorageError, unknown>();
    let lastResponse: Response | undefined;
    // The controller of the attempt whose response is returned: a stalled body aborts it.
    let stallController: AbortController | undefined;
    const responseMs = responseLimitMs(
      stallTimeoutMs,
      body.replayable ? body.sizeBytes : undefined,
    );

    const checks200 = mayFailWith200(method, url, baseInit.headers as Headers);
    const send = async (ctx: AttemptContext, signal: AbortSignal): Promise<Response> => {
      const attemptInit: Init = { ...baseInit, body: body.next(), signal };
      if (!presign) return callFetch(url, attemptInit);
      const { attempt, clockOffsetMs } = ctx;
      return callFetch(await presign(new Request(url, attemptInit), { attempt, clockOffsetMs }));
    };

    const guard = (response: Response): Response =>
      guardBody(
        response,
        stallTimeoutMs,
        clock,
        (reason) => stallController?.abort(reason),
        context.operation,
      );
    try {
      const response = await withRetry(
        async (ctx) => {
          void lastResponse?.body?.cancel().catch(() => undefined);
          const stall = Number.isFinite(responseMs) ? new AbortController() : undefined;
          stallController = stall;
          const signals = [ctx.signal, stall?.signal, callerSignal].filter(
            (s): s is AbortSignal => s !== undefined,
          );
          const signal = signals.length === 1 ? ctx.signal : AbortSignal.any(signals);
          const cancel = stall
            ? clock.setTimer(
                () => stall.abort(stallError("response", responseMs, context.operation)),
                responseMs,
              )
            : undefined;
          try {
            const response = await send(ctx, signal);
            lastResponse = response;
            if (response.status < 400 && !(checks200 && response.status === 200)) return response;
            const raw = await readErrorBody(response);
            if (response.status < 400 && !hasErrorDocument(raw)) return response;
            const { status, statusText, headers } = response;
            const error = normalizeResponse({ status, statusText, headers, body: raw }, context);
            responses.set(error, response);
            throw error;
          } catch (error) {
            // fetch rejects with the abort reason; a stall is the attempt's own timeout.
            if (stall?.signal.aborted && !ctx.signal.aborted) throw stall.signal.reason;
            throw error;
          } finally {
            cancel?.();
          }
        },
        {
          ...retry,
          signal: callerSignal,
          context,
          operation: { name: context.operation, idempotency, bodyReplayable: body.replayable },
          normalize(value, ctx) {
            const error = normalize(value, ctx);
            if (!responses.has(error)) thrown.set(error, value);
            return error;
          },
        },
      );
      return guard(response);
    } catch (error) {
      // fetch rejects with the signal's reason on abort; callers test for it (AbortError).
      if (callerSignal?.aborted) throw callerSignal.reason;
      const response = responses.get(error as StorageError);
      if (response && !throwOnError) return guard(response);
      if (response) void response.body?.cancel().catch(() => undefined);
      throw throwOnError ? error : (thrown.get(error as StorageError) ?? error);
    }
  };
  return guarded as typeof fetch;
}

function hasErrorDocument(body: Uint8Array | undefined): boolean {
  return body !== undefined && new TextDecoder().decode(body).includes("<Error>");
}
