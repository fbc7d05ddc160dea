import { describe, expect, it } from "vitest";
import { withRetry } from "../../src/index.js";
import { markChecked, validateRetryOptions } from "../../src/retry/validate-retry-options.js";

describe("validateRetryOptions", () => {
  it("checks options a caller passes", () => {
    expect(() => validateRetryOptions({ maxAttempts: 0 })).toThrow(/maxAttempts/);
  });

  it.each([
    [null, "null"],
    [5, "5"],
    ["fast", '"fast"'],
    [[1], "an array"],
  ])("names `options` when they are %j, not an object", async (wrong, shown) => {
    const message = `Expected \`options\` to be an object, got ${shown}.`;
    expect(() => validateRetryOptions(wrong as never)).toThrow(new TypeError(message));
    await expect(withRetry(async () => 1, wrong as never)).rejects.toThrow(message);
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
