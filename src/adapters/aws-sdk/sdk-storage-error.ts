import type { ResponseMetadata } from "@smithy/types";
import type { NormalizeContext, StorageError } from "../../index.js";
import { isStorageError, normalize } from "../../index.js";

/**
 * A StorageError that still looks like the SDK exception it replaces: same `name`
 * (`NoSuchKey`), `$metadata` (with `attempts` and `totalRetryDelay`), `$fault`, and the raw
 * `$response` (non-enumerable). The SDK exception, redacted, is the `cause`.
 */
export type SdkStorageError = StorageError & {
  /**
   * The SDK exception's metadata (status, request ids), with `attempts` and `totalRetryDelay`
   * (milliseconds) set by the retry loop; empty apart from those when the failure had none.
   */
  $metadata: ResponseMetadata;
  /** The SDK exception's `$fault`; without one, `server` for a 5xx or transient failure, else `client`. */
  $fault: "client" | "server";
  /** The raw HTTP response the SDK exception carried, when it had one (non-enumerable). */
  $response?: unknown;
};

function readField(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** Normalizes whatever an attempt threw and gives it the SDK exception's `$` fields. */
export function toSdkStorageError(error: unknown, context?: NormalizeContext): SdkStorageError {
  const normalized = normalize(error, context);
  const target = normalized as unknown as Record<string, unknown>;
  if (isSdkStorageError(normalized)) return normalized;
  const metadata = readField(error, "$metadata");
  target.$metadata =
    typeof metadata === "object" && metadata !== null ? { ...metadata } : ({} as ResponseMetadata);
  const fault = readField(error, "$fault");
  target.$fault =
    fault === "client" || fault === "server"
      ? fault
      : (normalized.status ?? 0) >= 500 || normalized.retry === "transient"
        ? "server"
        : "client";
  const response = readField(error, "$response");
  if (response !== undefined) {
    Object.defineProperty(target, "$response", {
      value: response,
      enumerable: false,
      writable: true,
      configurable: true,
    });
  }
  return normalized as SdkStorageError;
}

/** True for a StorageError already given its SDK fields. */
export function isSdkStorageError(value: unknown): value is SdkStorageError {
  return isStorageError(value) && typeof readField(value, "$metadata") === "object";
}

/** Records the retry loop's totals on an error, like the SDK's own retry middleware. */
export function setRetryTotals(
  metadata: ResponseMetadata,
  attempts: number,
  totalRetryDelayMs: number,
): void {
  metadata.attempts = attempts;
  metadata.totalRetryDelay = totalRetryDelayMs;
}
