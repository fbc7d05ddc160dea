import type { RetryOptions, StorageError } from "../../index.js";
import { type RequestShape, retargetRegion } from "./http-request.js";
import type { BucketguardOptions } from "./options.js";
import { readConfigValue, refreshIdentity, type SdkHandles } from "./sdk-context.js";

type SdkHooks = Pick<RetryOptions, "refreshCredentials" | "onClockSkew" | "followRedirect">;

/**
 * The engine's one-shot hooks, done the SDK's way: credentials refreshed through the client's
 * provider, the learned offset written to `config.systemClockOffset` (what the signer reads),
 * and a region redirect applied to the signing region and hostname of the next attempt.
 */
export function createSdkHooks(
  handles: SdkHandles,
  base: RequestShape,
  refresh: BucketguardOptions["refreshCredentials"],
): SdkHooks {
  return {
    refreshCredentials:
      refresh === false ? undefined : (refresh ?? (() => refreshIdentity(handles))),
    onClockSkew: (offsetMs) => {
      if (handles.config !== undefined) handles.config.systemClockOffset = offsetMs;
    },
    followRedirect: async (error: StorageError) => {
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
    },
  };
}
