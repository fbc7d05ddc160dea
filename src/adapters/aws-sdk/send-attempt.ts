import type { FinalizeHandlerOutput } from "@smithy/types";
import type { RequestShape } from "./http-request.js";
import type { OperationState } from "./retry-middleware.js";
import { responseLimitMs, stallError } from "./stall.js";

type Result = FinalizeHandlerOutput<object>;

/**
 * Where an attempt's signal rides from the plugin to the HTTP handler: a symbol key on the
 * request's header map. The signer and `HttpRequest.clone` copy the map with a spread (symbol
 * keys included); the handlers and the signer read only string keys, so it never reaches the wire.
 */
const ATTEMPT_SIGNAL = Symbol.for("bucketguard.attemptSignal");
const RELAYED = Symbol.for("bucketguard.signalRelay");

type HandlerOptions = { abortSignal?: unknown } & Record<string, unknown>;
type Handle = (request: unknown, options?: HandlerOptions) => Promise<unknown>;
interface HandlerLike {
  handle: Handle;
  [RELAYED]?: true;
}

function signalOf(request: unknown): AbortSignal | undefined {
  const headers = (request as { headers?: Record<symbol, unknown> } | undefined)?.headers;
  const signal = headers?.[ATTEMPT_SIGNAL];
  return signal instanceof AbortSignal ? signal : undefined;
}

/**
 * Teaches a client's request handler (once) to take each attempt's signal as its `abortSignal`,
 * the handle option `NodeHttpHandler` and `FetchHttpHandler` cancel a request in flight with.
 * The SDK hands the handler only the options of `client.send`, fixed for the whole operation;
 * requests that carry no attempt signal (other clients sharing the handler) pass unchanged.
 */
export function relayAttemptSignals(handler: unknown): void {
  if (typeof handler !== "object" || handler === null) return;
  const target = handler as HandlerLike;
  if (target[RELAYED] || typeof target.handle !== "function") return;
  const original = target.handle;
  target.handle = function handle(this: unknown, request, options) {
    const signal = signalOf(request);
    if (signal === undefined) return original.call(this, request, options);
    return original.call(this, request, { ...options, abortSignal: signal });
  };
  target[RELAYED] = true;
}

/**
 * Sends one attempt through the rest of the stack. Its request carries a signal that aborts
 * when `outer` does (the engine's attempt signal: caller, deadline, `attemptTimeoutMs`) or when
 * no response has come within the stall limit (plus the body's upload time); the stall rejects
 * as a transient `timeout` even when the handler ignores the signal.
 */
export function sendAttempt(
  state: OperationState,
  request: RequestShape,
  outer: AbortSignal | undefined,
): Promise<Result> {
  const { stall } = state;
  const limitMs = Number.isFinite(stall.ms)
    ? responseLimitMs(stall.ms, request.headers["content-length"])
    : undefined;
  const canAbort = state.attemptSignalLive && outer !== undefined && !outer.aborted;
  if (limitMs === undefined && !canAbort) return state.next({ ...state.args, request });
  const controller = new AbortController();
  (request.headers as Record<symbol, unknown>)[ATTEMPT_SIGNAL] = controller.signal;
  return new Promise<Result>((resolve, reject) => {
    const onOuterAbort = (): void => controller.abort(outer?.reason);
    if (canAbort) outer?.addEventListener("abort", onOuterAbort, { once: true });
    const cancelTimer =
      limitMs === undefined
        ? undefined
        : stall.clock.setTimer(() => {
            const error = stallError("response", limitMs, state.commandName);
            controller.abort(error);
            reject(error);
          }, limitMs);
    const settle = (): void => {
      cancelTimer?.();
      if (canAbort) outer?.removeEventListener("abort", onOuterAbort);
    };
    state.next({ ...state.args, request }).then(
      (result) => {
        settle();
        resolve(result);
      },
      (error: unknown) => {
        settle();
        reject(error);
      },
    );
  });
}
