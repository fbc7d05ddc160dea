import diagnosticsChannel from "node:diagnostics_channel";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DIAGNOSTICS_CHANNELS, type GiveUpEvent, type RetryEvent } from "../../src/index.js";
import { createManualClock } from "../../src/retry/manual-clock.js";
import type { RetryOptions } from "../../src/retry/types.js";
import { withRetry } from "../../src/retry/with-retry.js";
import { startRecorder } from "../../src/telemetry/start-recorder.js";
import { failure, scripted, settle } from "../retry/helpers.js";
import { createRecordingTelemetry } from "./recording-telemetry.js";

const unsubscribers: (() => void)[] = [];
afterEach(() => {
  for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
});

function listen(name: string): unknown[] {
  const messages: unknown[] = [];
  const onMessage = (message: unknown) => messages.push(message);
  diagnosticsChannel.subscribe(name, onMessage);
  unsubscribers.push(() => diagnosticsChannel.unsubscribe(name, onMessage));
  return messages;
}

async function run<T>(errors: readonly unknown[], value: T, options: RetryOptions<T> = {}) {
  const clock = createManualClock();
  const script = scripted(errors, value);
  const result = settle(withRetry(script.fn, { clock, random: () => 0.5, ...options }));
  await clock.runAll();
  return result;
}

describe("diagnostics channels", () => {
  it("publishes each retry and the give-up, the same events onRetry and onGiveUp get", async () => {
    const retries = listen("bucketguard:retry");
    const giveUps = listen("bucketguard:give-up");
    const hooked: { retry: RetryEvent[]; giveUp: GiveUpEvent[] } = { retry: [], giveUp: [] };
    await run([failure("transient"), failure("transient"), failure("transient")], "x", {
      operation: { name: "HeadObject" },
      onRetry: (event) => hooked.retry.push(event),
      onGiveUp: (event) => hooked.giveUp.push(event),
    });
    expect(retries).toHaveLength(2);
    expect(retries).toEqual(hooked.retry);
    expect(retries[0]).toMatchObject({ attempt: 1, delayMs: 25, operation: "HeadObject" });
    expect(giveUps).toHaveLength(1);
    expect(giveUps[0]).toBe(hooked.giveUp[0]);
    expect(giveUps[0]).toMatchObject({ attempt: 3, reason: "max_attempts", retry: "transient" });
  });

  it("publishes with a telemetry too, and only on the channel that has subscribers", async () => {
    const giveUps = listen(DIAGNOSTICS_CHANNELS.giveUp);
    const { telemetry, log } = createRecordingTelemetry();
    await run([failure("transient"), failure("never")], "x", { telemetry });
    expect(giveUps).toHaveLength(1);
    expect(log).toHaveLength(3);
    expect(diagnosticsChannel.hasSubscribers(DIAGNOSTICS_CHANNELS.retry)).toBe(false);
  });

  it("publishes nothing once unsubscribed", async () => {
    const retries = listen(DIAGNOSTICS_CHANNELS.retry);
    for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
    await run([failure("transient")], "x");
    expect(retries).toEqual([]);
  });

  it("makes no recorder at all with no telemetry and no subscriber", () => {
    expect(startRecorder({}, "GetObject")).toBeUndefined();
    listen(DIAGNOSTICS_CHANNELS.retry);
    const first = startRecorder({}, "GetObject");
    expect(first).toBeDefined();
    // Channel-only recording keeps no per-operation state: one shared recorder.
    expect(startRecorder({}, "PutObject")).toBe(first);
  });
});

describe("diagnostics channels where the runtime has none", () => {
  it("looks the module up through process.getBuiltinModule, and does nothing without it", async () => {
    const proc = process as { getBuiltinModule?: unknown };
    const original = proc.getBuiltinModule;
    proc.getBuiltinModule = undefined;
    try {
      vi.resetModules();
      const fresh = await import("../../src/telemetry/diagnostics-channels.js");
      expect(fresh.getRetryChannels()).toBeNull();
      const recorderModule = await import("../../src/telemetry/start-recorder.js");
      listen(DIAGNOSTICS_CHANNELS.retry);
      expect(recorderModule.startRecorder({}, "GetObject")).toBeUndefined();
    } finally {
      proc.getBuiltinModule = original;
      vi.resetModules();
    }
  });
});
