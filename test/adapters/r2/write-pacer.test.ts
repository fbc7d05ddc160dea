import { describe, expect, it } from "vitest";
import { createWritePacer } from "../../../src/adapters/r2/write-pacer.js";
import { createManualClock } from "../../../src/index.js";

describe("createWritePacer", () => {
  it("runs writes to one key one at a time, spaced by the interval", async () => {
    const clock = createManualClock(0);
    const pacer = createWritePacer(clock, 1000);
    const startsMs: number[] = [];
    const write = async (): Promise<void> => {
      startsMs.push(clock.now());
    };
    const all = Promise.all([1, 2, 3].map(() => pacer.schedule(["k"], write)));
    await clock.advance(5000);
    await all;
    expect(startsMs).toEqual([0, 1000, 2000]);
  });

  it("waits for a running write before the next starts, even past the interval", async () => {
    const clock = createManualClock(0);
    const pacer = createWritePacer(clock, 100);
    let release = (): void => undefined;
    const slow = pacer.schedule(["k"], () => new Promise<void>((resolve) => (release = resolve)));
    const startsMs: number[] = [];
    const next = pacer.schedule(["k"], async () => startsMs.push(clock.now()));
    await clock.advance(500);
    expect(startsMs).toEqual([]);
    release();
    await slow;
    await clock.flush();
    await next;
    expect(startsMs).toEqual([500]);
  });

  it("leaves a queued write unsent when its signal aborts", async () => {
    const clock = createManualClock(0);
    const pacer = createWritePacer(clock, 1000);
    await pacer.schedule(["k"], async () => undefined);
    const controller = new AbortController();
    let sent = false;
    const queued = pacer.schedule(["k"], async () => (sent = true), controller.signal);
    await clock.flush();
    controller.abort(new Error("stop"));
    await expect(queued).rejects.toThrow("stop");
    expect(sent).toBe(false);
    expect(clock.pending).toBe(0);
  });

  it("forgets idle keys so memory follows the keys in use", async () => {
    const clock = createManualClock(0);
    const pacer = createWritePacer(clock, 1000);
    for (let i = 0; i < 400; i++) {
      await pacer.schedule([`key-${i}`], async () => undefined);
      await clock.advance(10);
    }
    expect(pacer.trackedKeys).toBeLessThanOrEqual(256);
  });
});
