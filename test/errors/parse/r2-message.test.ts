import { describe, expect, it } from "vitest";
import {
  isInternalErrorMessage,
  isNetworkLostMessage,
  parseR2Message,
} from "../../../src/errors/parse/r2-message.js";

describe("parseR2Message", () => {
  it("splits action, text and code", () => {
    expect(
      parseR2Message("put: Reduce your concurrent request rate for the same object. (10058)"),
    ).toEqual({
      action: "put",
      text: "Reduce your concurrent request rate for the same object.",
      code: 10058,
    });
    expect(parseR2Message("put: Unspecified error (0)")).toEqual({
      action: "put",
      text: "Unspecified error",
      code: 0,
    });
  });

  it("accepts text spanning lines", () => {
    expect(parseR2Message("put: Digest mismatch.\nExpected: a\nGot: b (10037)")?.code).toBe(10037);
  });

  it("rejects other messages and over-long input", () => {
    expect(parseR2Message("Network connection lost.")).toBeUndefined();
    expect(parseR2Message(`put: ${"x".repeat(10_000)} (10001)`)).toBeUndefined();
  });

  it("recognises workerd's own messages", () => {
    expect(isNetworkLostMessage("Network connection lost.")).toBe(true);
    expect(isInternalErrorMessage("internal error; reference = abc123")).toBe(true);
    expect(isInternalErrorMessage("get: internal (10001)")).toBe(false);
  });
});
