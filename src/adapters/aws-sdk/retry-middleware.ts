import type {
  FinalizeHandler,
  FinalizeHandlerArguments,
  FinalizeHandlerOutput,
  FinalizeRequestMiddleware,
  HandlerExecutionContext,
  HashConstructor,
  ResponseMetadata,
} from "@smithy/types";
import type { AttemptContext, RetryBudget, RetryOptions, RetrySettings } from "../../index.js";
import { withRetry } from "../../index.js";
import { markChecked } from "../../retry/validate-retry-options.js";
import type { ResolvedSettings } from "../shared/resolve-settings.js";
import { type CommandSafety, classifyCommand } from "./command-safety.js";
import { cloneRequest, isHttpRequest, type RequestShape } from "./http-request.js";
import type { BucketguardOptions } from "./options.js";
import { reconcileFor } from "./reconcile-for.js";
import { planReplay } from "./replay-body.js";
import { resumeDownload } from "./resume-download.js";
import { getSdkHandles, refreshIdentity, type SdkHandles } from "./sdk-context.js";
import { applyClockOffset, followRegionRedirect } from "./sdk-hooks.js";
import { setRetryTotals, toSdkStorageError } from "./sdk-storage-error.js";
import { relayAttemptSignals, sendAttempt } from "./send-attempt.js";
import type { StallLimit } from "./stall.js";

type Result = FinalizeHandlerOutput<object>;

/**
 * Attempts in total (the first included) when neither `maxAttempts` nor `policy.maxAttempts` is
 * given: 6, where the core's policy has 3. At 20% independent faults 3 attempts leave 0.8% of
 * operations failing, 6 leave 0.006%; the budget and the outage hold bound the extra traffic.
 */
export const DEFAULT_SDK_MAX_ATTEMPTS = 6;

const INVOCATION_ID_HEADER = "amz-sdk-invocation-id";
const REQUEST_HEADER = "amz-sdk-request";

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function metadataOf(output: object): ResponseMetadata | undefined {
  const metadata = (output as { $metadata?: unknown }).$metadata;
  return typeof metadata === "object" && metadata !== null
    ? (metadata as ResponseMetadata)
    : undefined;
}

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
  invocationId: string;
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
}

/** What one plugin instance fixes for every operation of its client. */
interface PluginSettings {
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

function isPromise(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

/** Every retry setting, present even when undefined: the compiler keeps the list complete. */
type EverySetting = { [K in keyof Required<RetrySettings>]: RetrySettings[K] };

/**
 * The engine options of one operation, written out field by field: spreading the settings into
 * a fresh object would cost more than the rest of a successful call.
 */
function engineOptions(
  plugin: PluginSettings,
  state: OperationState,
  handles: SdkHandles,
  safety: CommandSafety,
  replayable: boolean,
): RetryOptions<Result> {
  const { retry, options } = plugin;
  const { totals } = state;
  const input = state.args.input as Record<string, unknown>;
  const refresh = options.refreshCredentials;
  const engine: EverySetting & RetryOptions<Result> = {
    policy: retry.policy,
    maxAttempts: plugin.maxAttempts,
    deadlineMs: retry.deadlineMs,
    attemptTimeoutMs: retry.attemptTimeoutMs,
    outageWaitMs: retry.outageWaitMs,
    budget: plugin.budget,
    onRetry: (event) => {
      totals.retryDelayMs += event.delayMs;
      options.onRetry?.(event);
    },
    onGiveUp: retry.onGiveUp,
    telemetry: retry.telemetry,
    clock: retry.clock,
    random: retry.random,
    signal: handles.abortSignal,
    context: { operation: state.commandName, bucket: text(input.Bucket), key: text(input.Key) },
    normalize: toSdkStorageError,
    operation: {
      name: state.commandName,
      idempotency: safety.idempotency,
      bodyReplayable: replayable,
    },
    refreshCredentials:
      refresh === false ? undefined : (refresh ?? (() => refreshIdentity(handles))),
    onClockSkew: (offsetMs) => applyClockOffset(handles, offsetMs),
    followRedirect: (error) => followRegionRedirect(handles, state.base, error),
    reconcile: undefined,
  };
  return markChecked(engine);
}

async function runOperation(plugin: PluginSettings, state: OperationState): Promise<Result> {
  const { args, commandName, totals } = state;
  const { options } = plugin;
  const safety = classifyCommand(commandName, args.input);
  const factory = options.bodyFactory;
  const plan = await planReplay(
    state.base.body,
    state.maxReplayBytes,
    factory && ((attempt) => factory({ commandName, input: args.input, attempt })),
  );
  const attemptOnce = async (ctx: AttemptContext): Promise<Result> => {
    const attempt = ctx.attempt;
    totals.attempts = attempt;
    // The first attempt sends the SDK's own request; later ones a copy of it.
    const request = attempt === 1 ? state.base : cloneRequest(state.base);
    request.headers[REQUEST_HEADER] = `attempt=${attempt}; max=${state.maxAttempts}`;
    const body = plan.forAttempt(attempt);
    request.body = isPromise(body) ? await body : body;
    // The signal is made on first read: read it only when something can abort the attempt.
    const result = await sendAttempt(
      state,
      request,
      state.attemptSignalLive ? ctx.signal : undefined,
    );
    if (commandName === "GetObject") resumeDownload(result.output, state, plugin.maxResumes);
    return result;
  };
  const handles = getSdkHandles(state.context);
  const engine = engineOptions(plugin, state, handles, safety, plan.replayable);
  state.engine = engine;
  const md5 = handles.config?.md5 as HashConstructor | undefined;
  engine.reconcile = reconcileFor(safety, state, plan, md5);
  try {
    const result = await withRetry(attemptOnce, engine);
    const metadata = metadataOf(result.output);
    if (metadata !== undefined) setRetryTotals(metadata, totals.attempts, totals.retryDelayMs);
    return result;
  } catch (error) {
    const sdkError = toSdkStorageError(error, engine.context);
    setRetryTotals(sdkError.$metadata, totals.attempts, totals.retryDelayMs);
    throw sdkError;
  }
}

const operationNames = new Map<string, string>();

/** `GetObjectCommand` → `GetObject`, remembered (a client has a few dozen commands). */
function operationName(commandName: string | undefined): string {
  if (commandName === undefined) return "";
  let name = operationNames.get(commandName);
  if (name === undefined) {
    name = commandName.replace(/Command$/, "");
    if (operationNames.size < 1024) operationNames.set(commandName, name);
  }
  return name;
}

/** The replacement for the SDK's retryMiddleware: one engine loop per operation. */
export function createRetryMiddleware(
  options: BucketguardOptions,
  settings: ResolvedSettings,
  budget: RetryBudget,
): FinalizeRequestMiddleware<object, object> {
  const retry = settings.retry;
  const plugin: PluginSettings = {
    options,
    retry,
    budget: options.budget ?? budget,
    // The client's maxAttempts is not read: the SDK's default 3 cannot be told from an explicit
    // 3, and 6 is the tuned default (docs/retry-policies.md). The plugin option sets it.
    maxAttempts: retry.maxAttempts ?? retry.policy?.maxAttempts ?? 0,
    stall: { ms: settings.stallTimeoutMs, clock: settings.clock },
    timed: options.attemptTimeoutMs !== undefined || options.deadlineMs !== undefined,
    maxReplayBytes: settings.maxReplayBytes,
    maxResumes: options.resumeDownloads === false ? 0 : (options.maxResumes ?? 3),
  };
  return (next, context) => async (args) => {
    const request = args.request;
    if (!isHttpRequest(request)) return next(args);
    const handles = getSdkHandles(context);
    relayAttemptSignals(handles.config?.requestHandler);
    const invocationId = crypto.randomUUID();
    request.headers[INVOCATION_ID_HEADER] = invocationId;
    const state: OperationState = {
      next,
      context,
      args,
      commandName: operationName(context.commandName),
      base: request,
      invocationId,
      maxAttempts: plugin.maxAttempts,
      engine: NO_ENGINE,
      totals: { attempts: 0, retryDelayMs: 0 },
      stall: plugin.stall,
      attemptSignalLive: plugin.timed || handles.abortSignal !== undefined,
      maxReplayBytes: plugin.maxReplayBytes,
    };
    return runOperation(plugin, state);
  };
}

const NO_ENGINE: RetryOptions<Result> = {};
