import { describe, expect, it } from "vitest";
import {
  checkBoolean,
  checkCount,
  checkDuration,
  checkFunction,
  checkNumber,
  checkObject,
  checkOneOf,
} from "../../src/retry/validate-options.js";

describe("option checks", () => {
  it("let undefined and good values through", () => {
    for (const check of [checkCount, checkDuration, checkFunction, checkBoolean, checkObject]) {
      expect(() => check("x", undefined)).not.toThrow();
    }
    expect(() => checkCount("maxAttempts", 6)).not.toThrow();
    expect(() => checkDuration("deadlineMs", 0)).not.toThrow();
    expect(() => checkNumber("share", 0.5, 0, 1)).not.toThrow();
    expect(() => checkFunction("onRetry", () => undefined)).not.toThrow();
    expect(() => checkOneOf("mode", "a", ["a", "b"])).not.toThrow();
    expect(() => checkObject("policy", {})).not.toThrow();
  });

  it.each<[string, () => void, ErrorConstructor, string]>([
    [
      "a zero count",
      () => checkCount("maxAttempts", 0),
      RangeError,
      "Expected `maxAttempts` to be an integer >= 1, got 0.",
    ],
    ["a fractional count", () => checkCount("maxAttempts", 2.5), RangeError, "got 2.5"],
    [
      "NaN",
      () => checkDuration("deadlineMs", Number.NaN),
      RangeError,
      "Expected `deadlineMs` to be a finite duration >= 0 ms, got NaN.",
    ],
    ["a negative delay", () => checkDuration("outageHoldMs", -1), RangeError, "`outageHoldMs`"],
    [
      "an infinite delay",
      () => checkDuration("openAfterMs", Number.POSITIVE_INFINITY),
      RangeError,
      "got Infinity",
    ],
    [
      "a string for a number",
      () => checkCount("maxAttempts", "3"),
      TypeError,
      'Expected `maxAttempts` to be a number, got "3".',
    ],
    [
      "a share above 1",
      () => checkNumber("overloadShare", 2, 0, 1),
      RangeError,
      "between 0 and 1, got 2",
    ],
    [
      "a non-function hook",
      () => checkFunction("onRetry", "log"),
      TypeError,
      'Expected `onRetry` to be a function, got "log".',
    ],
    [
      "a non-boolean",
      () => checkBoolean("operation.bodyReplayable", 1),
      TypeError,
      "`operation.bodyReplayable`",
    ],
    [
      "an unknown value",
      () => checkOneOf("operation.idempotency", "maybe", ["never"]),
      TypeError,
      'got "maybe"',
    ],
    [
      "null for an object",
      () => checkObject("policy", null),
      TypeError,
      "Expected `policy` to be an object, got null.",
    ],
    ["an array for an object", () => checkObject("costs", []), TypeError, "got an array"],
  ])("reject %s, naming the option and the value", (_, check, type, message) => {
    expect(check).toThrow(type);
    expect(check).toThrow(message);
  });
});
