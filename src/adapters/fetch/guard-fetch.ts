import { S3_DIALECTS } from "../../errors/dialects.js";
import { createRetryBudget, DEFAULT_MAX_REPLAY_BYTES, PROVIDERS } from "../../index.js";
import { checkBoolean, checkFunction, checkOneOf } from "../../retry/validate-options.js";
import { guardHttp } from "../http/guard-http.js";
import { resolveSettings } from "../shared/resolve-settings.js";
import { classifyMethod, mayFailWith200 } from "./classify-method.js";
import type { GuardFetchOptions } from "./guard-fetch-options.js";

/**
 * Wraps `fetch` (default: the global one) for any fetch-based S3 client or presigned URLs:
 * responses of status 400 and above are classified from their S3 XML and retried by class
 * where the method makes repeating safe. The final response is returned untouched and unread
 * (or thrown as a StorageError with `throwOnError`); network failures are rethrown as they came.
 * Turn off the client's own retries (aws4fetch: `retries: 0`) or attempts multiply. Wrong options
 * throw here, naming the option.
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
  const { retryPost, presign, throwOnError, provider, refreshCredentials, onClockSkew } = options;
  if (typeof retryPost !== "function") checkBoolean("retryPost", retryPost);
  for (const hook of ["presign", "refreshCredentials", "onClockSkew"] as const) {
    checkFunction(hook, options[hook]);
  }
  checkBoolean("throwOnError", throwOnError);
  checkOneOf("provider", provider, PROVIDERS);
  return guardHttp({
    fetch: baseFetch ?? ((input, init) => globalThis.fetch(input, init)),
    settings,
    provider,
    dialect: S3_DIALECTS,
    presign,
    throwOnError,
    hooks: { refreshCredentials, onClockSkew },
    route: (method, url, headers) => ({
      name: `${method} ${url.pathname}`,
      idempotency: classifyMethod(method, url, retryPost),
      errorIn200: mayFailWith200(method, url, headers),
    }),
  });
}
