import { describe, expect, it } from "vitest";
import { createManualClock } from "../../src/retry/manual-clock.js";

describe("createManualClock", () => {
  it("fires timers in time order, then insertion order, and moves time to each", async () => {
    const clock = createManualClock(100);
    const fired: string[] = [];
    clock.setTimer(() => fired.push(`b@${clock.now()}`), 20);
    clock.setTimer(() => fired.push(`a@${clock.now()}`), 10);
    clock.setTimer(() => fired.push(`c@${clock.now()}`), 20);
    expect(clock.pending).toBe(3);
    await clock.advance(15);
    expect(fired).toEqual(["a@110"]);
    expect(clock.now()).toBe(115);
    await clock.advance(5);
    expect(fired).toEqual(["a@110", "b@120", "c@120"]);
    expect(clock.pending).toBe(0);
  });

  it("cancels timers and runs timers set by timers", async () => {
    const clock = createManualClock();
    const fired: number[] = [];
    const cancel = clock.setTimer(() => fired.push(-1), 5);
    clock.setTimer(() => clock.setTimer(() => fired.push(clock.now()), 30), 10);
    cancel();
    expect(await clock.runAll()).toBe(40);
    expect(fired).toEqual([40]);
  });

  it("lets awaiting code progress between timers", async () => {
    const clock = createManualClock();
    const wait = (ms: number) => new Promise<void>((resolve) => clock.setTimer(resolve, ms));
    const steps: number[] = [];
    const loop = (async () => {
      for (let i = 0; i < 3; i++) {
        await wait(100);
        steps.push(clock.now());
      }
    })();
    await clock.runAll();
    await loop;
    expect(steps).toEqual([100, 200, 300]);
  });
});
