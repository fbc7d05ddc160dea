import { describe, expect, expectTypeOf, it } from "vitest";
import { KIND_HINTS } from "../../src/errors/catalogue/kind-hints.js";
import { isStorageError, StorageError, type StorageErrorKind } from "../../src/index.js";

const base = {
  kind: "not_found",
  code: "NoSuchKey",
  message: "The specified key does not exist.",
  retry: "never",
  provider: "aws",
} as const;

describe("StorageError", () => {
  it("is an Error with the given name, or the code when there is none", () => {
    const err = new StorageError({ ...base, status: 404, key: "a.txt", resource: "key" });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe("NoSuchKey");
    expect(String(err)).toBe("NoSuchKey: The specified key does not exist.");
    expect(new StorageError({ ...base, name: "NotFound" }).name).toBe("NotFound");
  });

  it("matches instanceof and isStorageError through the brand, from any copy of the class", () => {
    const err = new StorageError(base);
    expect(err instanceof StorageError).toBe(true);
    expect(isStorageError(err)).toBe(true);
    const foreign = Object.assign(new Error("x"), {
      [Symbol.for("bucketguard.StorageError")]: true,
    });
    expect(foreign instanceof StorageError).toBe(true);
    const lookalike = Object.assign(new Error("x"), { name: "StorageError", kind: "not_found" });
    expect(isStorageError(lookalike)).toBe(false);
    expect(isStorageError(null)).toBe(false);
    expect(isStorageError("NoSuchKey")).toBe(false);
  });

  it("serializes its fields but not its cause", () => {
    const cause = new Error("raw");
    const err = new StorageError({ ...base, status: 404, requestId: "R1", key: "k", cause });
    expect(err.cause).toBe(cause);
    expect(Object.keys(err)).not.toContain("cause");
    expect(err.toJSON()).toEqual({
      name: "NoSuchKey",
      kind: "not_found",
      code: "NoSuchKey",
      message: "The specified key does not exist.",
      retry: "never",
      provider: "aws",
      status: 404,
      requestId: "R1",
      hint: KIND_HINTS.not_found,
      key: "k",
    });
  });

  it("carries its kind's default hint when given none, and its own when given one", () => {
    expect(new StorageError({ ...base }).hint).toBe(KIND_HINTS.not_found);
    expect(new StorageError({ ...base, hint: "Check the key." }).hint).toBe("Check the key.");
  });

  it("redacts secrets handed to it in the message and string fields", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
    const sig = "Signature=0123456789abcdef0123456789abcdef";
    const err = new StorageError({
      ...base,
      message: `denied for Bearer ${jwt} with AWS4-HMAC-SHA256 Credential=AKIA/x, SignedHeaders=host, ${sig}`,
      hint: `try https://b.s3.amazonaws.com/k?X-Amz-Signature=deadbeef&X-Amz-Security-Token=tok123`,
    });
    const everything = `${String(err)} ${JSON.stringify(err)}`;
    for (const secret of [
      jwt,
      "0123456789abcdef0123456789abcdef",
      "deadbeef",
      "tok123",
      "AKIA/x",
    ]) {
      expect(everything).not.toContain(secret);
    }
    expect(err.message).toContain("[REDACTED]");
  });

  it("borrows the frames of a cause's stack, without the cause's message", () => {
    function failingCall(): Error {
      return new Error("token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl leaked");
    }
    const cause = failingCall();
    const err = new StorageError({ ...base, cause });
    const lines = err.stack?.split("\n") ?? [];
    expect(lines[0]).toBe("NoSuchKey: The specified key does not exist.");
    expect(lines[1]).toMatch(/^\s+at failingCall /);
    expect(err.stack).not.toContain("eyJ");
    err.stack = "replaced";
    expect(err.stack).toBe("replaced");
  });

  it("captures its own stack when the cause has none", () => {
    const err = new StorageError({ ...base, cause: { status: 404 } });
    expect(err.stack?.split("\n")[1]).toMatch(/^\s+at /);
  });

  it("caps very long messages", () => {
    const err = new StorageError({ ...base, message: "x".repeat(100_000) });
    expect(err.message.length).toBeLessThanOrEqual(1_025);
  });

  it("narrows to kind-specific fields on switch (err.kind)", () => {
    const err = new StorageError(base) as StorageError;
    expectTypeOf(err.kind).toEqualTypeOf<StorageErrorKind>();
    switch (err.kind) {
      case "clock_skew":
        expectTypeOf(err.serverTime).toEqualTypeOf<Date | undefined>();
        expectTypeOf(err.skewMs).toEqualTypeOf<number | undefined>();
        break;
      case "redirect":
        expectTypeOf(err.region).toEqualTypeOf<string | undefined>();
        break;
      case "not_found":
        expectTypeOf(err.resource).toMatchTypeOf<string | undefined>();
        // @ts-expect-error serverTime exists only on clock_skew
        void err.serverTime;
        break;
      default:
        break;
    }
    expect(err.kind).toBe("not_found");
  });
});
