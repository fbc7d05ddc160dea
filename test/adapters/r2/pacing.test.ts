import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardBucket } from "../../../src/adapters/r2/index.js";
import type { RetryEvent } from "../../../src/index.js";
import { createManualClock } from "../../../src/index.js";
import { drive } from "./drive.js";
import { createFaultyBucket, R2_FAULTS } from "./faulty-bucket.js";
import { type R2Harness, startMiniflare } from "./start-miniflare.js";

let harness: R2Harness;
beforeAll(async () => {
  harness = await startMiniflare();
});
afterAll(async () => {
  await harness.dispose();
});

/** A bucket recording the clock time at which each put reached R2. */
function recordPutTimes(clock: { now(): number }) {
  const faulty = createFaultyBucket(harness.bucket);
  const startsMs: number[] = [];
  const put = faulty.bucket.put.bind(faulty.bucket);
  faulty.bucket.put = ((...args: Parameters<typeof put>) => {
    startsMs.push(clock.now());
    return put(...args);
  }) as typeof put;
  return { faulty, startsMs };
}

describe("per-key write pacing", () => {
  it("spaces 20 concurrent writers to one key 1 s apart and all succeed", async () => {
    const clock = createManualClock(0);
    const { faulty, startsMs } = recordPutTimes(clock);
    const guarded = guardBucket(faulty.bucket, { clock });
    const writes = Array.from({ length: 20 }, (_, i) => guarded.put("hot", `v${i}`));
    const results = await drive(clock, Promise.all(writes), 1000);
    expect(results.every((result) => result !== null)).toBe(true);
    expect(startsMs).toEqual(Array.from({ length: 20 }, (_, i) => i * 1000));
    const last = await harness.bucket.get("hot");
    expect(await last?.text()).toBe("v19");
  });

  it("does not pace different keys or reads", async () => {
    const clock = createManualClock(0);
    const { faulty, startsMs } = recordPutTimes(clock);
    const guarded = guardBucket(faulty.bucket, { clock });
    await Promise.all([guarded.put("a", "1"), guarded.put("b", "2"), guarded.get("a")]);
    expect(startsMs).toEqual([0, 0]);
    expect(clock.pending).toBe(0);
  });

  it("paces delete and put on the same key", async () => {
    const clock = createManualClock(0);
    const guarded = guardBucket(harness.bucket, { clock, writeIntervalMs: 500 });
    const both = Promise.all([guarded.put("pd", "x"), guarded.delete(["pd", "other"])]);
    await drive(clock, both, 500);
    expect(clock.now()).toBe(500);
    expect(await harness.bucket.head("pd")).toBeNull();
  });

  it("retries a 10058 that still arrives as throttling, paced", async () => {
    const clock = createManualClock(0);
    const { faulty, startsMs } = recordPutTimes(clock);
    faulty.fail("put", R2_FAULTS.slowDown);
    const events: RetryEvent[] = [];
    const guarded = guardBucket(faulty.bucket, {
      clock,
      random: () => 0,
      onRetry: (event) => events.push(event),
    });
    const stored = await drive(clock, guarded.put("throttled", "x"), 1000);
    expect(stored?.size).toBe(1);
    expect(events.map((event) => [event.retry, event.error.kind])).toEqual([
      ["throttling", "throttled"],
    ]);
    expect(startsMs).toEqual([0, 1000]);
  });
});
