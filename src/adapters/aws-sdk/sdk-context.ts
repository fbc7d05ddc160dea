import type { HandlerExecutionContext } from "@smithy/types";

// The value of `SMITHY_CONTEXT_KEY` from `@smithy/types`, inlined so that the build imports that
// package for its types only: a project (Yarn PnP, pnpm strict) may have the SDK without it.
// test/package/dist-imports.test.ts checks it still equals the package's constant.
export const SMITHY_CONTEXT_KEY = "__smithy_context";

type Bag = Record<string, unknown>;

function bag(value: unknown): Bag | undefined {
  return typeof value === "object" && value !== null ? (value as Bag) : undefined;
}

/** The parts of a client's resolved config and auth selection the plugin adjusts. */
export interface SdkHandles {
  /** The client's resolved config (what the signer reads `systemClockOffset` from). */
  config: Bag | undefined;
  /** The selected auth scheme (its `identity` is what each attempt is signed with). */
  scheme: Bag | undefined;
  /** Its signing properties (`signingRegion`). */
  signingProperties: Bag | undefined;
  /** The caller's `abortSignal` from `client.send(command, { abortSignal })`. */
  abortSignal: AbortSignal | undefined;
}

/** Finds the config and auth scheme in a handler context, reading defensively across versions. */
export function getSdkHandles(context: HandlerExecutionContext): SdkHandles {
  const smithy = bag((context as Bag)[SMITHY_CONTEXT_KEY]);
  const scheme = bag(smithy?.selectedHttpAuthScheme);
  const signingProperties = bag(bag(scheme?.httpAuthOption)?.signingProperties);
  const signal = smithy?.abortSignal;
  return {
    config: bag(signingProperties?.config),
    scheme,
    signingProperties,
    abortSignal: signal instanceof AbortSignal ? signal : undefined,
  };
}

/** Resolves a config value that may be a plain value or a provider function. */
export async function readConfigValue(config: Bag | undefined, key: string): Promise<unknown> {
  const value = config?.[key];
  return typeof value === "function" ? await (value as () => unknown)() : value;
}

/**
 * Calls the client's credential provider with `forceRefresh` and makes the next attempt sign
 * with the new identity (the SDK resolves the identity once per operation, before retries).
 */
export async function refreshIdentity(handles: SdkHandles): Promise<void> {
  const provider = handles.config?.credentials;
  if (typeof provider !== "function" || handles.scheme === undefined) return;
  const identity: unknown = await (provider as (o: { forceRefresh: boolean }) => unknown)({
    forceRefresh: true,
  });
  if (typeof identity === "object" && identity !== null) handles.scheme.identity = identity;
}
