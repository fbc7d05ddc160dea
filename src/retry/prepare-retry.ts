import type { StorageError } from "../errors/storage-error.js";
import { callObserver } from "../telemetry/call-observer.js";
import type { RunState } from "./run-state.js";

/**
 * The conditions of the one-shot classes, run once the decision is to retry; false stops the
 * loop. `clock_skew` learns the server's offset (from `serverTime`, else `skewMs`) into the
 * run's `clockOffsetMs` and tells `onClockSkew`; `credentials` awaits `refreshCredentials` (a
 * throwing refresher stops the loop); `redirect` proceeds only when `followRedirect` answers
 * true. Other classes proceed as they are.
 */
export async function prepareRetry<T>(state: RunState<T>, error: StorageError): Promise<boolean> {
  const { options } = state;
  switch (error.retry) {
    case "clock_skew": {
      const { serverTime, skewMs } = error as { serverTime?: Date; skewMs?: number };
      const fromServer =
        serverTime instanceof Date ? serverTime.getTime() - state.clock.now() : Number.NaN;
      const clockOffsetMs = Number.isFinite(fromServer) ? fromServer : (skewMs ?? 0);
      state.clockOffsetMs = clockOffsetMs;
      callObserver(() => options.onClockSkew?.(clockOffsetMs, error));
      return true;
    }
    case "credentials":
      // Without a refresher, `decide` has given up already.
      try {
        await options.refreshCredentials?.();
        return true;
      } catch {
        return false;
      }
    case "redirect":
      try {
        return (await options.followRedirect?.(error)) === true;
      } catch {
        return false;
      }
    default:
      return true;
  }
}

/** Whether a retry's failure may have been caused by an earlier attempt that did land. */
export function isPossiblySelfInflicted(error: StorageError): boolean {
  if (error.kind === "precondition_failed" || error.kind === "already_exists") return true;
  return (
    error.kind === "not_found" && (error.code === "NoSuchUpload" || error.resource === "upload")
  );
}
