import type { Dialect } from "../../errors/dialect.js";
import { normalizeWith } from "../../errors/normalize-with.js";
import {
  type AttemptContext,
  type FetchBody,
  type NormalizeContext,
  oneShotBody,
  type Provider,
  prepareReplayBody,
  type ReplayBody,
  type RetryOptions,
  type StorageError,
} from "../../index.js";
import { retryLoop } from "../../retry/retry-loop.js";
import { joinSignals } from "../shared/join-signals.js";
import type { ResolvedSettings } from "../shared/resolve-settings.js";
import { type ResponseStall, responseLimitMs, startResponseStall } from "../shared/stall-limit.js";
import { classifyAnswer, discard, type HttpAnswer, readAnswer } from "./http-answer.js";
import type { HttpReconcile, HttpRequestParts, RouteClassifier } from "./http-route.js";
import { guardBody } from "./stall-guard.js";

/** What a `guardFetch` adapter tells the shared HTTP guard. */
export interface HttpGuard {
  /** The fetch each attempt calls (unguarded). */
  fetch: typeof fetch;
  route: RouteClassifier;
  settings: ResolvedSettings;
  /** The one-shot classes' hooks, passed to the engine as given. */
  hooks?: Pick<RetryOptions, "refreshCredentials" | "onClockSkew"> | undefined;
  /** Who answers, when known; else detected from each answer. */
  provider?: Provider | undefined;
  /** The errors and answers the guard reads: its providers' tables and parsers only. */
  dialect: Dialect;
  reconcile?: HttpReconcile | undefined;
  /** Signs each attempt (the fetch adapter's `presign`). */
  presign?: ((request: Request, context: PresignContext) => Request | Promise<Request>) | undefined;
  /** Told the final error answer before it is returned (Supabase keeps it for `normalize`). */
  onErrorAnswer?: ((response: Response, body: Uint8Array | undefined) => void) | undefined;
  /** Throw the final error as a StorageError instead of returning the error answer. */
  throwOnError?: boolean | undefined;
}

/** What a `presign` function is told about the attempt it signs. */
export interface PresignContext {
  /** The number of the attempt being signed, 1-based: 1 for the first request. */
  attempt: number;
  /**
   * Learned offset of the server's clock from ours (server minus local), in milliseconds: sign
   * with `Date.now() + clockOffsetMs` after a RequestTimeTooSkewed.
   */
  clockOffsetMs: number;
}

type Init = RequestInit & { duplex?: "half" };

/** How the last attempt failed: the error answer to return, or (without one) what fetch threw. */
interface Failure {
  error: StorageError;
  answer?: HttpAnswer;
  thrown?: unknown;
}

/**
 * A fetch that runs each request through the retry engine: every attempt's response is judged by
 * `classifyResult` (answers of status 400 and more, and 200s hiding an error document), retried
 * by class where the route allows it, and the final response returned unread (a final error
 * answer too, unless `throwOnError`). Network failures are rethrown as fetch threw them; a
 * caller's abort rejects with the signal's reason, as fetch does.
 */
export function guardHttp(guard: HttpGuard): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request?.url ?? String(input));
    const method = (init?.method ?? request?.method ?? "GET").toUpperCase();
    const headers = new Headers(init?.headers ?? request?.headers);
    const route = guard.route(method, url, headers);
    if (route === undefined) return guard.fetch(input, init);
    const signal = init?.signal ?? request?.signal ?? undefined;
    const rawBody = init?.body ?? request?.body;
    const body: ReplayBody<FetchBody<BodyInit>> =
      route.idempotency === "never"
        ? oneShotBody(rawBody, undefined)
        : await prepareReplayBody(rawBody, guard.settings.maxReplayBytes);
    const baseInit: Init = { ...init, method, headers };
    if (rawBody instanceof ReadableStream) baseInit.duplex = "half";
    return runRequest(guard, { method, url, route, headers, body, signal, baseInit });
  };
}

interface PreparedRequest extends HttpRequestParts {
  baseInit: Init;
}

async function runRequest(guard: HttpGuard, req: PreparedRequest): Promise<Response> {
  const { settings } = guard;
  const { clock, stallTimeoutMs } = settings;
  const operation = req.route.name;
  const context = { provider: guard.provider, operation };
  const failures: StorageError[] = [];
  let last: Failure | undefined;
  let lastResponse: Response | undefined;
  // The wait of the attempt whose response is returned: a stalled body aborts its request.
  let stall: ResponseStall | undefined;
  // A stream sent once has no size of its own: its Content-Length, when the caller gave one.
  const bodyBytes = req.body.sizeBytes ?? Number(req.headers.get("content-length"));
  const responseMs = responseLimitMs(stallTimeoutMs, bodyBytes);
  const guardResponse = (response: Response): Response =>
    guardBody(response, stallTimeoutMs, clock, (r) => stall?.controller.abort(r), operation);

  const attempt = async (ctx: AttemptContext): Promise<HttpAnswer> => {
    discard(lastResponse);
    if (ctx.lastError) failures.push(ctx.lastError);
    const own = startResponseStall(clock, responseMs, operation);
    stall = own;
    const signal = joinSignals(ctx.signal, own?.controller.signal, req.signal);
    try {
      const response = await send(guard, req, ctx, signal);
      lastResponse = response;
      if (own === undefined || !heldOpen(req.route, response)) {
        return await readAnswer(response, req.route);
      }
      // S3 may hold this 200 open with spaces for minutes: past its headers, only a body that
      // goes the stall limit without a byte fails the attempt.
      own.cancel();
      const watched = guardBody(response, stallTimeoutMs, clock, abortOwn(own), operation);
      lastResponse = watched;
      const answer = await readAnswer(watched, req.route);
      // The read of the body swallows its errors: a stall must still fail the attempt.
      if (own.controller.signal.aborted) throw own.controller.signal.reason;
      return answer;
    } catch (error) {
      // fetch rejects with the abort reason; a stall is the attempt's own timeout.
      const stalled = own?.controller.signal;
      if (stalled?.aborted && !ctx.signal.aborted) throw stalled.reason;
      throw error;
    } finally {
      own?.cancel();
    }
  };

  const normalizeThrown = (thrown: unknown, ctx?: NormalizeContext): StorageError => {
    const error = normalizeWith(guard.dialect, thrown, ctx);
    last = { error, thrown };
    return error;
  };
  const options: RetryOptions<HttpAnswer> = {
    ...settings.retry,
    ...guard.hooks,
    signal: req.signal,
    context,
    operation: {
      name: operation,
      idempotency: req.route.idempotency,
      bodyReplayable: req.body.replayable,
    },
    classifyResult(answer) {
      const error = classifyAnswer(answer, context, guard.dialect);
      if (error) last = { error, answer };
      return error;
    },
  };
  const { reconcile } = guard;
  if (reconcile) {
    options.reconcile = async (refusal) => {
      const landed = await reconcile(refusal, { ...req, failures });
      if (!landed) return undefined;
      discard(lastResponse);
      return { value: { response: landed, failed: false } };
    };
  }

  try {
    const answer = await retryLoop(attempt, options, normalizeThrown);
    return guardResponse(answer.response);
  } catch (error) {
    if (req.signal?.aborted) throw req.signal.reason;
    const failure = last;
    if (failure === undefined || failure.error !== error) throw error;
    const { answer } = failure;
    if (guard.throwOnError) {
      discard(answer?.response);
      throw error;
    }
    if (answer === undefined) throw failure.thrown;
    guard.onErrorAnswer?.(answer.response, answer.errorBody);
    return guardResponse(answer.response);
  }
}

/** A 200 whose body is read for an error document S3 may send only when the work is done. */
function heldOpen(route: PreparedRequest["route"], response: Response): boolean {
  return route.errorIn200 && response.status === 200;
}

function abortOwn(own: ResponseStall): (reason: StorageError) => void {
  return (reason) => own.controller.abort(reason);
}

async function send(
  guard: HttpGuard,
  req: PreparedRequest,
  ctx: AttemptContext,
  signal: AbortSignal,
): Promise<Response> {
  const attemptInit: Init = { ...req.baseInit, body: req.body.forAttempt(ctx.attempt), signal };
  if (!guard.presign) return guard.fetch(req.url, attemptInit);
  const { attempt, clockOffsetMs } = ctx;
  const signed = await guard.presign(new Request(req.url, attemptInit), { attempt, clockOffsetMs });
  return guard.fetch(signed);
}
