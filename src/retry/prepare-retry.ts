import type { StorageError } from "../errors/storage-error.js";
import { callObserver } from "../telemetry/call-observer.js";
import type { RetryOptions } from "./types.js";

/** What preparing a retry found: whether to go on, and the clock offset learned. */
export interface Preparation {
  proceed: boolean;
  clockOffsetMs?: number;
}

/**
 * The conditions of the one-shot classes, run once the decision is to retry: `clock_skew`
 * learns the server's offset (from `serverTime`, else `skewMs`) and tells `onClockSkew`;
 * `credentials` awaits `refreshCredentials` (a throwing refresher stops the loop); `redirect`
 * proceeds only when `followRedirect` answers true. Other classes proceed as they are.
 */
export async function prepareRetry<T>(
  error: StorageError,
  options: RetryOptions<T>,
  nowMs: number,
): Promise<Preparation> {
  switch (error.retry) {
    case "clock_skew": {
      const { serverTime, skewMs } = error as { serverTime?: Date; skewMs?: number };
      const fromServer = serverTime instanceof Date ? serverTime.getTime() - nowMs : Number.NaN;
      const clockOffsetMs = Number.isFinite(fromServer) ? fromServer : (skewMs ?? 0);
      callObserver(() => options.onClockSkew?.(clockOffsetMs, error));
      return { proceed: true, clockOffsetMs };
    }
    case "credentials":
      // Without a refresher, `decide` has given up already.
      try {
        await options.refreshCredentials?.();
        return { proceed: true };
      } catch {
        return { proceed: false };
      }
    case "redirect":
      try {
        return { proceed: (await options.followRedirect?.(error)) === true };
      } catch {
        return { proceed: false };
      }
    default:
      return { proceed: true };
  }
}

/** Whether a retry's failure may have been caused by an earlier attempt that did land. */
export function isPossiblySelfInflicted(error: StorageError): boolean {
  if (error.kind === "precondition_failed" || error.kind === "already_exists") return true;
  return (
    error.kind === "not_found" && (error.code === "NoSuchUpload" || error.resource === "upload")
  );
}
