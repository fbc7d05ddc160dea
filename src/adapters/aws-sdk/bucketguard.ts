import type {
  AbsoluteLocation,
  FinalizeRequestHandlerOptions,
  FinalizeRequestMiddleware,
  MiddlewareStack,
} from "@smithy/types";
import { createRetryBudget, DEFAULT_MAX_REPLAY_BYTES } from "../../index.js";
import { checkBoolean, checkCount, checkFunction } from "../../retry/validate-options.js";
import { resolveSettings } from "../shared/resolve-settings.js";
import type { BucketguardOptions } from "./options.js";
import { createRetryMiddleware, DEFAULT_SDK_MAX_ATTEMPTS } from "./retry-middleware.js";

/** Where the plugin sits: exactly where the SDK's own retry middleware was, replacing it. */
export const RETRY_MIDDLEWARE_OPTIONS = {
  /** The SDK's own retry middleware's name, so adding the plugin replaces it. */
  name: "retryMiddleware",
  /** The step the SDK's retries run in, after the request is built; signing is in it too. */
  step: "finalizeRequest",
  /** Ahead of the signing middleware in the same step, so each attempt is signed anew. */
  priority: "high",
  /** The SDK's tag for its retry middleware. */
  tags: ["RETRY"],
  /** Replace a middleware of the same name instead of failing on the duplicate. */
  override: true,
} as const satisfies FinalizeRequestHandlerOptions & AbsoluteLocation;

/**
 * What {@link bucketguard} returns: a `Pluggable` for any client's middleware stack (generic,
 * so one instance can be stored and used on clients of different services).
 */
export interface BucketguardPlugin {
  /** Adds the retry middleware to `stack` (`client.middlewareStack.use` calls it). */
  applyToStack<Input extends object, Output extends object>(
    stack: MiddlewareStack<Input, Output>,
  ): void;
}

/**
 * The bucketguard plugin for AWS SDK v3 clients:
 * `client.middlewareStack.use(bucketguard(options))`.
 *
 * It replaces the SDK's `retryMiddleware` (the SDK then never retries underneath), retries by
 * retry class under one budget per client, re-signs every attempt, replays or refuses request
 * bodies, resumes GetObject downloads, reconciles ambiguous conditional writes, corrects
 * clock skew and follows region redirects once, and makes the client throw
 * {@link SdkStorageError}s. Wrong options throw here, naming the option.
 */
export function bucketguard(options: BucketguardOptions = {}): BucketguardPlugin {
  const settings = resolveSettings(options, {
    maxAttempts: DEFAULT_SDK_MAX_ATTEMPTS,
    maxReplayBytes: DEFAULT_MAX_REPLAY_BYTES,
  });
  checkFunction("bodyFactory", options.bodyFactory);
  checkBoolean("resumeDownloads", options.resumeDownloads);
  checkCount("maxResumes", options.maxResumes, 0);
  if (options.refreshCredentials !== false) {
    checkFunction("refreshCredentials", options.refreshCredentials);
  }
  return {
    applyToStack<Input extends object, Output extends object>(
      stack: MiddlewareStack<Input, Output>,
    ) {
      const budget = options.budget ?? createRetryBudget();
      const middleware = createRetryMiddleware(options, settings, budget);
      // The middleware only reads `$metadata` and `Body` off outputs: it fits any client.
      stack.add(middleware as unknown as FinalizeRequestMiddleware<Input, Output>, {
        ...RETRY_MIDDLEWARE_OPTIONS,
        tags: [...RETRY_MIDDLEWARE_OPTIONS.tags],
      });
    },
  };
}
