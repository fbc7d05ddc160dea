import type { StorageError } from "../../index.js";
import { type RequestShape, retargetRegion } from "./http-request.js";
import { readConfigValue, type SdkHandles } from "./sdk-context.js";

// The engine's one-shot hooks, done the SDK's way (credentials are refreshed by
// `refreshIdentity` in sdk-context.ts).

/** Writes the learned clock offset to `config.systemClockOffset`, which the signer reads. */
export function applyClockOffset(handles: SdkHandles, offsetMs: number): void {
  if (handles.config !== undefined) handles.config.systemClockOffset = offsetMs;
}

/**
 * Applies a region redirect to the signing region and the hostname of the next attempt; false
 * when there is nothing to follow or the client follows redirects itself.
 */
export async function followRegionRedirect(
  handles: SdkHandles,
  base: RequestShape,
  error: StorageError,
): Promise<boolean> {
  const props = handles.signingProperties;
  if (error.kind !== "redirect" || error.region === undefined || props === undefined) {
    return false;
  }
  const from = props.signingRegion;
  if (from === error.region) return false;
  // The client follows redirects itself (S3's region redirect middleware, outside ours).
  if ((await readConfigValue(handles.config, "followRegionRedirects")) === true) return false;
  if (typeof from === "string") retargetRegion(base, from, error.region);
  props.signingRegion = error.region;
  return true;
}
