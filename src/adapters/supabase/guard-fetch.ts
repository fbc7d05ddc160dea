import { SUPABASE_DIALECT } from "../../errors/dialects.js";
import { createRetryBudget, DEFAULT_MAX_REPLAY_BYTES } from "../../index.js";
import { checkBoolean, checkFunction } from "../../retry/validate-options.js";
import { guardHttp } from "../http/guard-http.js";
import type { HttpReconcile } from "../http/http-route.js";
import { joinSignals } from "../shared/join-signals.js";
import { type ResolvedSettings, resolveSettings } from "../shared/resolve-settings.js";
import { startResponseStall } from "../shared/stall-limit.js";
import { classifyRequest, type SupabaseRoute, storagePath } from "./classify-request.js";
import type { GuardFetchOptions } from "./guard-fetch-options.js";
import { keepAnswer } from "./keep-answer.js";
import { mayHaveLanded, reconcileUpload } from "./reconcile-upload.js";

/**
 * Wraps `fetch` (default: the global one) for `@supabase/storage-js` / `supabase-js`: each
 * error response is classified by its JSON body (the `statusCode` inside, not the HTTP 400)
 * and retried by class where repeating is safe. The final response is returned untouched and
 * unread, and network failures are rethrown as they came, so storage-js reports as before. What
 * the error body said is kept for `unwrap`/`normalize`, which storage-js before 2.112 would lose
 * (`code`, `error`). TUS resumable uploads and other Supabase services are passed through (the
 * TUS client resumes by itself). Wrong options throw here, naming the option.
 */
export function guardFetch(
  baseFetch?: typeof fetch,
  options: GuardFetchOptions = {},
): typeof fetch {
  checkFunction("baseFetch", baseFetch);
  const settings = resolveSettings(options, {
    maxReplayBytes: DEFAULT_MAX_REPLAY_BYTES,
    budget: createRetryBudget,
  });
  const { reconcileUploads = true } = options;
  checkBoolean("reconcileUploads", options.reconcileUploads);
  const callFetch: typeof fetch = baseFetch ?? ((input, init) => globalThis.fetch(input, init));
  return guardHttp({
    fetch: callFetch,
    settings,
    provider: "supabase",
    dialect: SUPABASE_DIALECT,
    route: (method, url, headers) => {
      const route = classifyRequest(method, url, headers);
      // Without reconciliation a refused retry of an upload could not be told from a conflict.
      if (route?.idempotency === "conditional" && !reconcileUploads) route.idempotency = "never";
      return route;
    },
    reconcile: reconcileUploads ? reconcileWith(callFetch, settings) : undefined,
    onErrorAnswer: (response, body) => keepAnswer(response.status, body),
  });
}

/** A retried upload refused as "already exists" succeeds when its earlier attempt landed. */
function reconcileWith(callFetch: typeof fetch, settings: ResolvedSettings): HttpReconcile {
  return async (refusal, { url, route, headers, body, signal, failures }) => {
    // The route is the one classifyRequest made for this request: its key is already read.
    const { objectKey } = route as SupabaseRoute;
    if (route.idempotency !== "conditional" || !objectKey || !body.replayable) return undefined;
    // Only an earlier attempt that may have stored the object can explain the refusal.
    if (!failures.some(mayHaveLanded)) return undefined;
    const path = url.pathname;
    const baseUrl = `${url.origin}${path.slice(0, path.length - storagePath(url).length)}`;
    // The info request is under the stall limit like any attempt: it must not hang the upload.
    const stall = startResponseStall(settings.clock, settings.stallTimeoutMs, "info");
    const check = {
      fetch: callFetch,
      baseUrl,
      objectKey,
      headers,
      body: body.forAttempt(1),
      signal: joinSignals(signal, stall?.controller.signal),
    };
    try {
      return await reconcileUpload(check, refusal);
    } finally {
      stall?.cancel();
    }
  };
}
