import type { FinalizeHandlerOutput } from "@smithy/types";
import type { StorageError } from "../../index.js";
import { responseLimitMs, stallError } from "../shared/stall-limit.js";
import type { RequestShape } from "./http-request.js";
import type { OperationState } from "./operation-state.js";
import { guardIdleBody } from "./resume-body.js";

type Result = FinalizeHandlerOutput<object>;

/**
 * What cancels one attempt: the `{ aborted, onabort }` shape of `@smithy/types`' AbortSignal,
 * which NodeHttpHandler accepts as it is (setting `onabort` is all it does with it). Other
 * handlers get a real AbortSignal that follows it. A plain object costs nothing on a successful
 * attempt, where a listener on a real AbortSignal costs microseconds.
 */
interface CancelToken {
  aborted: boolean;
  reason: unknown;
  onabort: (() => void) | null;
  /**
   * Called with the handler's output when it has the response's status and headers (its body
   * may follow); it may replace the response's body before the SDK reads it.
   */
  onresponse: ((output: unknown) => void) | null;
  /**
   * The SDK left the caller's `abortSignal` out of the handler context, so the engine never
   * linked it: the handler-options signal must be followed here.
   */
  followCaller: boolean;
}

// Commands S3 answers with 200 at once and then holds open, sending spaces until the work is
// done (a large copy, a many-part complete): their no-response limit ends with the headers, and
// the body is then bounded by the stall limit between chunks.
const HELD_OPEN = new Set(["CopyObject", "UploadPartCopy", "CompleteMultipartUpload"]);

/**
 * Where an attempt's token rides from the plugin to the HTTP handler: a symbol key on the
 * request's header map. The signer and `HttpRequest.clone` copy the map with a spread (symbol
 * keys included); handlers and the signer read only string keys, so it never reaches the wire.
 */
const ATTEMPT_TOKEN = Symbol.for("bucketguard.attemptToken");
const RELAYED = Symbol.for("bucketguard.signalRelay");
// Handlers known to take a `{ aborted, onabort }` object as their abortSignal.
const DUCK_SIGNAL_HANDLERS = new Set(["NodeHttpHandler", "NodeHttp2Handler"]);

type Handle = (request: unknown, options?: Record<string, unknown>) => Promise<unknown>;
interface HandlerLike {
  handle: Handle;
  [RELAYED]?: true;
}

function tokenOf(request: unknown): CancelToken | undefined {
  const headers = (request as { headers?: Record<symbol, unknown> } | undefined)?.headers;
  return headers?.[ATTEMPT_TOKEN] as CancelToken | undefined;
}

function toAbortSignal(token: CancelToken): AbortSignal {
  const controller = new AbortController();
  if (token.aborted) controller.abort(token.reason);
  else token.onabort = () => controller.abort(token.reason);
  return controller.signal;
}

/**
 * The handle options of an attempt for a handler that needs a real AbortSignal: the signal is
 * made when the handler reads it, so a handler that never does (a stub, a cache) costs nothing.
 */
class RelayedOptions {
  [option: string]: unknown;
  #token: CancelToken;
  #signal: AbortSignal | undefined;
  constructor(options: Record<string, unknown> | undefined, token: CancelToken) {
    for (const key of Object.keys(options ?? {})) {
      if (key !== "abortSignal") this[key] = options?.[key];
    }
    this.#token = token;
  }
  get abortSignal(): AbortSignal {
    this.#signal ??= toAbortSignal(this.#token);
    return this.#signal;
  }
}

/**
 * Teaches a client's request handler (once) to take each attempt's token as its `abortSignal`,
 * the handle option HTTP handlers cancel a request in flight with. The SDK hands the handler
 * only the options of `client.send`, fixed for the whole operation; requests without a token
 * (other clients sharing the handler) pass unchanged.
 */
export function relayAttemptSignals(handler: unknown): void {
  if (typeof handler !== "object" || handler === null) return;
  const target = handler as HandlerLike;
  if (target[RELAYED] || typeof target.handle !== "function") return;
  const original = target.handle;
  const duck = DUCK_SIGNAL_HANDLERS.has(handler.constructor?.name ?? "");
  target.handle = function handle(this: unknown, request, options) {
    const token = tokenOf(request);
    if (token === undefined) return original.call(this, request, options);
    const release = token.followCaller
      ? followCallerSignal(options?.abortSignal, token)
      : undefined;
    const pending = duck
      ? original.call(this, request, { ...options, abortSignal: token })
      : original.call(this, request, new RelayedOptions(options, token));
    if (token.onresponse === null && release === undefined) return pending;
    return pending.then(
      (output) => {
        release?.();
        token.onresponse?.(output);
        return output;
      },
      (error: unknown) => {
        release?.();
        throw error;
      },
    );
  };
  target[RELAYED] = true;
}

/**
 * The attempt's token takes the place of the caller's `abortSignal` in the handler's options; on
 * an SDK that does not also put that signal in the handler context (the plugin's engine then
 * never sees it) this has the caller's abort cancel the request in flight. Returns the
 * listener's removal, or undefined when there is nothing to follow.
 */
function followCallerSignal(signal: unknown, token: CancelToken): (() => void) | undefined {
  if (!(signal instanceof AbortSignal)) return undefined;
  if (signal.aborted) {
    cancel(token, signal.reason);
    return undefined;
  }
  const onAbort = () => cancel(token, signal.reason);
  signal.addEventListener("abort", onAbort, { once: true });
  return () => signal.removeEventListener("abort", onAbort);
}

function cancel(token: CancelToken, reason: unknown): void {
  if (token.aborted) return;
  token.aborted = true;
  token.reason = reason;
  token.onabort?.();
}

function destroyBody(result: Result): void {
  const body = (result.response as { body?: { destroy?: unknown } } | undefined)?.body;
  if (typeof body?.destroy === "function") (body.destroy as () => void)();
}

/**
 * The request body's size: `content-length`, or for an `aws-chunked` stream (the SDK drops
 * content-length when it adds a trailing checksum) `x-amz-decoded-content-length`.
 */
export function requestBodyBytes(request: RequestShape): number | undefined {
  const headers = request.headers;
  const length = headers["content-length"] ?? headers["x-amz-decoded-content-length"];
  return length === undefined ? undefined : Number(length);
}

/**
 * Sends one attempt through the rest of the stack. Its request carries a token that cancels it
 * when `outer` aborts (the engine's attempt signal: caller, deadline, `attemptTimeoutMs`) or
 * when no response has come within the stall limit (plus the body's upload time); the stall
 * rejects as a transient `timeout` even when the handler ignores the token. The limit covers
 * the whole answer (a small error or XML body included), except for commands S3 holds open
 * with spaces (CopyObject, UploadPartCopy, CompleteMultipartUpload): for those it ends with the
 * response's headers, and the body then fails the attempt the same way once it goes the stall
 * limit without a byte (each chunk restarts the wait). A body that is not a Node Readable stays
 * under the no-response limit.
 */
export function sendAttempt(
  state: OperationState,
  request: RequestShape,
  outer: AbortSignal | undefined,
): Promise<Result> {
  const { stall } = state;
  const limitMs = Number.isFinite(stall.ms)
    ? responseLimitMs(stall.ms, requestBodyBytes(request))
    : undefined;
  const linked = state.attemptSignalLive && outer !== undefined;
  const headers = request.headers as Record<symbol, unknown>;
  const args = { input: state.args.input, request };
  if (limitMs === undefined && !linked) {
    // A copy of an earlier attempt's request may still hold that attempt's token.
    if (headers[ATTEMPT_TOKEN] !== undefined) delete headers[ATTEMPT_TOKEN];
    return state.next(args);
  }
  const token: CancelToken = {
    aborted: false,
    reason: undefined,
    onabort: null,
    onresponse: null,
    followCaller: state.handles.abortSignal === undefined,
  };
  headers[ATTEMPT_TOKEN] = token;
  return new Promise<Result>((resolve, reject) => {
    const onOuterAbort = (): void => cancel(token, outer?.reason);
    if (linked) {
      if (outer.aborted) onOuterAbort();
      else outer.addEventListener("abort", onOuterAbort, { once: true });
    }
    let stalled = false;
    const settle = (): void => {
      cancelTimer?.();
      if (linked) outer.removeEventListener("abort", onOuterAbort);
    };
    const cancelTimer =
      limitMs === undefined
        ? undefined
        : stall.clock.setTimer(() => {
            stalled = true;
            const error = stallError("response", limitMs, state.commandName);
            cancel(token, error);
            settle();
            reject(error);
          }, limitMs);
    const onBodyStall = (error: StorageError): void => {
      stalled = true;
      cancel(token, error);
      settle();
      reject(error);
    };
    if (cancelTimer !== undefined && HELD_OPEN.has(state.commandName)) {
      token.onresponse = (output) => {
        const response = (output as { response?: { body?: unknown } } | undefined)?.response;
        if (response === undefined) return;
        const body = guardIdleBody(response.body, stall, state.commandName, onBodyStall);
        if (body === undefined) return;
        cancelTimer();
        response.body = body;
      };
    }
    state.next(args).then(
      (result) => {
        settle();
        // A handler that ignored the token answered after the stall: nobody reads this body.
        if (stalled) destroyBody(result);
        resolve(result);
      },
      (error: unknown) => {
        settle();
        reject(error);
      },
    );
  });
}
