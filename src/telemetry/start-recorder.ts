import type { OperationRecorder } from "../retry/telemetry.js";
import type { GiveUpEvent, RetryEvent, RetryOptions } from "../retry/types.js";
import { callObserver } from "./call-observer.js";
import {
  getRetryChannels,
  hasRetrySubscribers,
  publish,
  type RetryChannels,
} from "./diagnostics-channels.js";

/**
 * The recorder of one operation: the caller's telemetry and the diagnostics channels together.
 * Undefined (and nothing allocated) when there is no telemetry and no channel subscriber, so an
 * unobserved operation pays two property reads. Subscribers that arrive while an operation runs
 * see the operations started after them.
 */
export function startRecorder(
  options: Pick<RetryOptions, "telemetry" | "budget" | "context">,
  operation: string | undefined,
): OperationRecorder | undefined {
  const found = getRetryChannels();
  const publishing = hasRetrySubscribers(found);
  let inner: OperationRecorder | undefined;
  try {
    inner = options.telemetry?.startOperation({
      operation,
      provider: options.context?.provider,
      budget: options.budget,
    });
  } catch {
    inner = undefined;
  }
  if (inner !== undefined) return combine(inner, found);
  return publishing ? channelRecorder(found) : undefined;
}

// One shared recorder: publishing needs no per-operation state, and the channels are looked up
// once per process.
let channelRecorderOnce: OperationRecorder | undefined;

function channelRecorder(found: RetryChannels): OperationRecorder {
  channelRecorderOnce ??= {
    success() {},
    retry: (event) => publish(found.retry, event),
    giveUp: (event) => publish(found.giveUp, event),
  };
  return channelRecorderOnce;
}

function combine(inner: OperationRecorder, found: RetryChannels | null): OperationRecorder {
  const channels = found && channelRecorder(found);
  const recorder: OperationRecorder = {
    success: (event) => callObserver(() => inner.success(event)),
    retry(event: RetryEvent) {
      callObserver(() => inner.retry(event));
      channels?.retry(event);
    },
    giveUp(event: GiveUpEvent) {
      callObserver(() => inner.giveUp(event));
      channels?.giveUp(event);
    },
  };
  const within = inner.within?.bind(inner);
  if (within !== undefined) {
    // A telemetry that fails around the attempt must not change it: the attempt's own outcome
    // stands (or it runs as is, when the telemetry failed before starting it).
    recorder.within = <R>(run: () => R): R => {
      let outcome: { ok: true; value: R } | { ok: false; error: unknown } | undefined;
      try {
        return within<R>(() => {
          try {
            const value = run();
            outcome = { ok: true, value };
            return value;
          } catch (error) {
            outcome = { ok: false, error };
            throw error;
          }
        });
      } catch {
        if (outcome === undefined) return run();
        if (outcome.ok) return outcome.value;
        throw outcome.error;
      }
    };
  }
  return recorder;
}
