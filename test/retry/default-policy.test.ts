import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, resolvePolicy } from "../../src/retry/default-policy.js";

describe("resolvePolicy", () => {
  it("returns the defaults without overrides", () => {
    const policy = resolvePolicy();
    expect(policy).toEqual(DEFAULT_POLICY);
    expect(policy.classes.transient).toEqual({
      maxAttempts: 3,
      baseDelayMs: 50,
      maxDelayMs: 20_000,
      jitter: "full",
    });
    expect(policy.classes.never.maxAttempts).toBe(1);
  });

  it("merges per class and per field, the shorthand winning", () => {
    const policy = resolvePolicy(
      { maxAttempts: 7, classes: { throttling: { baseDelayMs: 10 } }, maxHintMs: 5 },
      4,
    );
    expect(policy.maxAttempts).toBe(4);
    expect(policy.maxHintMs).toBe(5);
    expect(policy.classes.throttling).toEqual({
      ...DEFAULT_POLICY.classes.throttling,
      baseDelayMs: 10,
      maxAttempts: 4,
    });
    expect(policy.classes.transient).toEqual({
      ...DEFAULT_POLICY.classes.transient,
      maxAttempts: 4,
    });
  });

  it("lets a total attempt count bound the backoff classes the overrides leave unset", () => {
    const policy = resolvePolicy({ classes: { conflict: { maxAttempts: 2 } } }, 6);
    expect(policy.classes.transient.maxAttempts).toBe(6);
    expect(policy.classes.throttling.maxAttempts).toBe(6);
    expect(policy.classes.conflict.maxAttempts).toBe(2);
    expect(policy.classes.clock_skew.maxAttempts).toBe(2);
    expect(policy.classes.never.maxAttempts).toBe(1);
  });

  it("rejects nonsense with the option's name", () => {
    expect(() => resolvePolicy({}, 0)).toThrow(/maxAttempts/);
    expect(() => resolvePolicy({ classes: { conflict: { baseDelayMs: -1 } } })).toThrow(
      /policy.classes.conflict.baseDelayMs/,
    );
    expect(() => resolvePolicy({ maxHintMs: Number.NaN })).toThrow(/maxHintMs/);
  });

  it("does not let callers mutate the defaults", () => {
    const policy = resolvePolicy();
    expect(() => {
      policy.classes.transient.maxAttempts = 99;
    }).toThrow(TypeError);
    expect(DEFAULT_POLICY.classes.transient.maxAttempts).toBe(3);
    expect(resolvePolicy().classes.transient.maxAttempts).toBe(3);
  });

  it("reuses the resolved defaults, and reads overrides afresh on every call", () => {
    expect(resolvePolicy(undefined, 6)).toBe(resolvePolicy(undefined, 6));
    expect(resolvePolicy(undefined, 6).maxAttempts).toBe(6);
    const overrides = { maxHintMs: 5 };
    expect(resolvePolicy(overrides).maxHintMs).toBe(5);
    overrides.maxHintMs = 7;
    expect(resolvePolicy(overrides).maxHintMs).toBe(7);
  });
});
