import { describe, expect, it } from "vitest";
import { markChecked, validateRetryOptions } from "../../src/retry/validate-retry-options.js";

describe("validateRetryOptions", () => {
  it("checks options a caller passes", () => {
    expect(() => validateRetryOptions({ maxAttempts: 0 })).toThrow(/maxAttempts/);
  });

  it("skips settings an adapter validated at construction, also once spread into a call's options", () => {
    const settings = markChecked({ maxAttempts: 3 });
    const perCall = { ...settings, maxAttempts: 0 };
    expect(() => validateRetryOptions(perCall)).not.toThrow();
    expect(() => validateRetryOptions({ ...{ maxAttempts: 3 }, maxAttempts: 0 })).toThrow(
      /maxAttempts/,
    );
  });
});
