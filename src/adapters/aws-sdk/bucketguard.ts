import type {
  AbsoluteLocation,
  FinalizeRequestHandlerOptions,
  FinalizeRequestMiddleware,
  MiddlewareStack,
} from "@smithy/types";
import { createRetryBudget } from "../../index.js";
import type { BucketguardOptions } from "./options.js";
import { createRetryMiddleware } from "./retry-middleware.js";
import { checkStallTimeout } from "./stall.js";

/** Where the plugin sits: exactly where the SDK's own retry middleware was, replacing it. */
export const RETRY_MIDDLEWARE_OPTIONS = {
  name: "retryMiddleware",
  step: "finalizeRequest",
  priority: "high",
  tags: ["RETRY"],
  override: true,
} as const satisfies FinalizeRequestHandlerOptions & AbsoluteLocation;

/**
 * What {@link bucketguard} returns: a `Pluggable` for any client's middleware stack (generic,
 * so one instance can be stored and used on clients of different services).
 */
export interface BucketguardPlugin {
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
 * {@link SdkStorageError}s.
 */
export function bucketguard(options: BucketguardOptions = {}): BucketguardPlugin {
  checkStallTimeout(options.stallTimeoutMs);
  return {
    applyToStack<Input extends object, Output extends object>(
      stack: MiddlewareStack<Input, Output>,
    ) {
      const budget = options.budget ?? createRetryBudget();
      const middleware = createRetryMiddleware(options, budget);
      // The middleware only reads `$metadata` and `Body` off outputs: it fits any client.
      stack.add(middleware as unknown as FinalizeRequestMiddleware<Input, Output>, {
        ...RETRY_MIDDLEWARE_OPTIONS,
        tags: [...RETRY_MIDDLEWARE_OPTIONS.tags],
      });
    },
  };
}
