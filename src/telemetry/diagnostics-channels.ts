import type { GiveUpEvent, RetryEvent } from "../retry/types.js";
import { callObserver } from "./call-observer.js";

/** Names of the diagnostics channels bucketguard publishes on (Node's `diagnostics_channel`). */
export const DIAGNOSTICS_CHANNELS = Object.freeze({
  /** A {@link RetryEvent}, before each wait. */
  retry: "bucketguard:retry",
  /** A {@link GiveUpEvent}, when an operation ends on an error. */
  giveUp: "bucketguard:give-up",
} as const);

/** The part of a `diagnostics_channel` Channel used here. */
interface Channel {
  readonly hasSubscribers: boolean;
  publish(message: unknown): void;
}

/** The two channels, where the runtime has `diagnostics_channel`. */
export interface RetryChannels {
  readonly retry: Channel;
  readonly giveUp: Channel;
}

interface DiagnosticsChannelModule {
  channel(name: string): Channel;
}

type GetBuiltinModule = (id: string) => unknown;

let channels: RetryChannels | null | undefined;

/**
 * The channels, looked up once. The core imports no Node built-in: the module is reached through
 * `process.getBuiltinModule` (Node 20.16+, 22.3+, Bun, Deno, Workers with nodejs_compat) and is
 * null elsewhere.
 */
export function getRetryChannels(): RetryChannels | null {
  if (channels === undefined) channels = lookUpChannels();
  return channels;
}

function lookUpChannels(): RetryChannels | null {
  try {
    const process = (globalThis as { process?: { getBuiltinModule?: GetBuiltinModule } }).process;
    const module = process?.getBuiltinModule?.("node:diagnostics_channel") as
      | DiagnosticsChannelModule
      | undefined;
    if (typeof module?.channel !== "function") return null;
    return {
      retry: module.channel(DIAGNOSTICS_CHANNELS.retry),
      giveUp: module.channel(DIAGNOSTICS_CHANNELS.giveUp),
    };
  } catch {
    return null;
  }
}

/** Whether anyone listens on either channel (a property read each: cheap on every call). */
export function hasRetrySubscribers(found: RetryChannels | null): found is RetryChannels {
  return found !== null && (found.retry.hasSubscribers || found.giveUp.hasSubscribers);
}

/** Publishes `event` on `channel` when it has subscribers; a failing subscriber changes nothing. */
export function publish(channel: Channel, event: RetryEvent | GiveUpEvent): void {
  if (channel.hasSubscribers) callObserver(() => channel.publish(event));
}
