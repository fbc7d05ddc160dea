import type {
  FinalizeHandler,
  FinalizeHandlerArguments,
  FinalizeHandlerOutput,
  HandlerExecutionContext,
} from "@smithy/types";
import type { RetryBudget, RetryOptions, RetrySettings } from "../../index.js";
import type { RequestShape } from "./http-request.js";
import type { BucketguardOptions } from "./options.js";
import type { SdkHandles } from "./sdk-context.js";
import type { StallLimit } from "./stall.js";

type Result = FinalizeHandlerOutput<object>;

/** Everything one operation's attempts share. */
export interface OperationState {
  next: FinalizeHandler<object, object>;
  context: HandlerExecutionContext;
  args: FinalizeHandlerArguments<object>;
  commandName: string;
  /**
   * The operation's request (the SDK's own `args.request`): the first attempt sends it, later
   * attempts clones of it; a redirect retargets it.
   */
  base: RequestShape;
  maxAttempts: number;
  /** The engine options every request of this operation runs under (set when it starts). */
  engine: RetryOptions<Result>;
  /** For `$metadata`: attempts made and the time waited between them, in milliseconds. */
  totals: { attempts: number; retryDelayMs: number };
  /** How long a response or a body may make no progress. */
  stall: StallLimit;
  /** Whether the engine's attempt signal can abort (caller signal, deadline or attempt timeout). */
  attemptSignalLive: boolean;
  /** Largest streamed body buffered for a retry, in bytes. */
  maxReplayBytes: number;
  /** The client's config and auth selection, as the SDK context holds them. */
  handles: SdkHandles;
}

/** What one plugin instance fixes for every operation of its client. */
export interface PluginSettings {
  options: BucketguardOptions;
  retry: RetrySettings;
  budget: RetryBudget;
  maxAttempts: number;
  stall: StallLimit;
  /** `attemptTimeoutMs` or `deadlineMs` is set: every attempt signal can abort. */
  timed: boolean;
  maxReplayBytes: number;
  /** Resumptions allowed per GetObject download. */
  maxResumes: number;
}
