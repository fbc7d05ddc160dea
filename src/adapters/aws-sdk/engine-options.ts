import type { FinalizeHandlerOutput } from "@smithy/types";
import type { RetryOptions, RetrySettings } from "../../index.js";
import { markChecked } from "../../retry/validate-retry-options.js";
import type { CommandSafety } from "./command-safety.js";
import type { OperationState, PluginSettings } from "./operation-state.js";
import { refreshIdentity } from "./sdk-context.js";
import { applyClockOffset, followRegionRedirect } from "./sdk-hooks.js";
import { toSdkStorageError } from "./sdk-storage-error.js";

type Result = FinalizeHandlerOutput<object>;

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Every retry setting, present even when undefined: the compiler keeps the list complete. */
type EverySetting = { [K in keyof Required<RetrySettings>]: RetrySettings[K] };

/**
 * The engine options of one operation, written out field by field: spreading the settings into
 * a fresh object would cost more than the rest of a successful call.
 */
export function engineOptions(
  plugin: PluginSettings,
  state: OperationState,
  safety: CommandSafety,
  replayable: boolean,
): RetryOptions<Result> {
  const { retry, options } = plugin;
  const { totals, handles } = state;
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
