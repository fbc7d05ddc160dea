import { describe, expect, it } from "vitest";
import { normalize } from "../../src/errors/normalize.js";
import { attemptOnce, attemptTimeoutMs, classifyValue } from "../../src/retry/attempt-once.js";
import { createManualClock } from "../../src/retry/manual-clock.js";
import { createRunState } from "../../src/retry/run-state.js";
import type { AttemptContext, RetryOptions } from "../../src/retry/types.js";
import { failure } from "./helpers.js";

const stateWith = <T>(options: RetryOptions<T> = {}) => {
  const clock = createManualClock();
  return { clock, state: createRunState<T>({ clock, ...options }, normalize) };
};

describe("the attempt step", () => {
  it("counts the attempt and hands it its context", async () => {
    const { state } = stateWith<number>();
    state.clockOffsetMs = 7;
    let seen: AttemptContext | undefined;
    const result = await attemptOnce(async (ctx) => {
      seen = ctx;
      return 1;
    }, state);
    expect(result).toEqual({ ok: true, value: 1 });
    expect(state.sent).toBe(1);
    expect(seen).toMatchObject({ attempt: 1, timeoutMs: undefined, clockOffsetMs: 7 });
  });

  it("sizes the timeout to what is left of the deadline", async () => {
    const { clock, state } = stateWith({ deadlineMs: 1000, attemptTimeoutMs: 300 });
    expect(attemptTimeoutMs(state)).toBe(300);
    await clock.advance(800);
    expect(attemptTimeoutMs(state)).toBe(200);
  });

  it("turns a timed-out attempt into a transient timeout, aborting its signal", async () => {
    const { clock, state } = stateWith<string>({ attemptTimeoutMs: 50 });
    let signal: AbortSignal | undefined;
    const pending = attemptOnce((ctx) => {
      signal = ctx.signal;
      return new Promise<string>(() => undefined);
    }, state);
    await clock.advance(50);
    expect(await pending).toMatchObject({
      ok: false,
      cancelled: false,
      error: { kind: "timeout", retry: "transient" },
    });
    expect(signal?.aborted).toBe(true);
  });

  it("normalizes what the attempt threw, with the adapter's normalize when given", async () => {
    const special = failure("conflict");
    const { state } = stateWith<string>({ normalize: () => special });
    expect(await attemptOnce(() => Promise.reject(new Error("x")), state)).toEqual({
      ok: false,
      error: special,
      cancelled: false,
    });
  });

  it("marks an attempt the caller aborted as cancelled", async () => {
    const controller = new AbortController();
    const { state } = stateWith<string>({ signal: controller.signal });
    const pending = attemptOnce(() => new Promise<string>(() => undefined), state);
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, cancelled: true, error: { kind: "aborted" } });
  });

  it("lets classifyResult call a returned value a failure", () => {
    const unavailable = failure("transient", { status: 503 });
    const classifyResult = (status: number) => (status >= 500 ? unavailable : undefined);
    const { state } = stateWith<number>({ classifyResult });
    expect(classifyValue(state, 200)).toEqual({ ok: true, value: 200 });
    expect(classifyValue(state, 503)).toEqual({ ok: false, error: unavailable, cancelled: false });
  });

  it("counts a throwing classifyResult as a failure of the attempt", () => {
    const { state } = stateWith<number>({
      classifyResult: () => {
        throw new TypeError("fetch failed");
      },
    });
    expect(classifyValue(state, 1)).toMatchObject({ ok: false, error: { kind: "network" } });
  });
});
