import { describe, expect, it } from "vitest";
import { computeDelayMs } from "../../src/retry/compute-delay.js";

const base = { baseDelayMs: 100, maxDelayMs: 1000 };

describe("computeDelayMs", () => {
  it("none: exponential steps capped", () => {
    const delays = [1, 2, 3, 4, 5].map((n) =>
      computeDelayMs({ ...base, jitter: "none", retryNumber: n, random: () => 0.5 }),
    );
    expect(delays).toEqual([100, 200, 400, 800, 1000]);
  });

  it("full: uniform in [0, ceil)", () => {
    expect(computeDelayMs({ ...base, jitter: "full", retryNumber: 3, random: () => 0 })).toBe(0);
    expect(computeDelayMs({ ...base, jitter: "full", retryNumber: 3, random: () => 0.5 })).toBe(
      200,
    );
    expect(computeDelayMs({ ...base, jitter: "full", retryNumber: 9, random: () => 0.999 })).toBe(
      999,
    );
  });

  it("equal: half the ceiling plus up to half", () => {
    expect(computeDelayMs({ ...base, jitter: "equal", retryNumber: 3, random: () => 0 })).toBe(200);
    expect(computeDelayMs({ ...base, jitter: "equal", retryNumber: 3, random: () => 0.5 })).toBe(
      300,
    );
  });

  it("decorrelated: between base and three times the previous delay, capped", () => {
    const first = computeDelayMs({
      ...base,
      jitter: "decorrelated",
      retryNumber: 1,
      random: () => 0.5,
    });
    expect(first).toBe(200);
    const second = computeDelayMs({
      ...base,
      jitter: "decorrelated",
      retryNumber: 2,
      previousDelayMs: 300,
      random: () => 0.5,
    });
    expect(second).toBe(500);
    const capped = computeDelayMs({
      ...base,
      jitter: "decorrelated",
      retryNumber: 5,
      previousDelayMs: 900,
      random: () => 0.99,
    });
    expect(capped).toBe(1000);
  });

  it("never overflows on huge retry numbers", () => {
    const delay = computeDelayMs({ ...base, jitter: "none", retryNumber: 5000, random: () => 0 });
    expect(delay).toBe(1000);
  });
});
