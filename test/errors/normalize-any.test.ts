import { describe, expect, it } from "vitest";
import { STORAGE_ERROR_KINDS } from "../../src/errors/kinds.js";
import { normalize } from "../../src/errors/normalize.js";
import { isStorageError, StorageError } from "../../src/errors/storage-error.js";

describe("normalize: anything else", () => {
  it("returns an existing StorageError as is", () => {
    const err = new StorageError({
      kind: "throttled",
      code: "SlowDown",
      message: "m",
      retry: "throttling",
      provider: "aws",
    });
    expect(normalize(err)).toBe(err);
  });

  it.each([
    ["a string", "boom"],
    ["a number", 42],
    ["null", null],
    ["undefined", undefined],
    ["a symbol", Symbol("s")],
    ["a bigint", 10n],
    ["a function", () => 1],
    ["a plain object", { foo: 1 }],
  ])("turns %s into an unknown error that is not retried", (_label, value) => {
    const err = normalize(value, { operation: "GetObject" });
    expect(isStorageError(err)).toBe(true);
    expect(err).toMatchObject({
      kind: "unknown",
      retry: "never",
      provider: "unknown",
      operation: "GetObject",
    });
  });

  it("keeps the caller's provider on an unknown error", () => {
    expect(normalize("boom", { provider: "r2" }).provider).toBe("r2");
  });

  it("survives cyclic objects, throwing getters and hostile Proxies", () => {
    const cyclic: Record<string, unknown> = { name: "X" };
    cyclic.self = cyclic;
    cyclic.cause = cyclic;
    cyclic.error = cyclic;
    cyclic.data = cyclic;
    const getters = Object.defineProperty(new Error("g"), "code", {
      get() {
        throw new Error("getter");
      },
    });
    const proxy = new Proxy(
      {},
      {
        get() {
          throw new Error("trap");
        },
        has() {
          throw new Error("trap");
        },
        getPrototypeOf() {
          throw new Error("trap");
        },
        ownKeys() {
          throw new Error("trap");
        },
      },
    );
    for (const value of [cyclic, getters, proxy]) {
      const err = normalize(value);
      expect(STORAGE_ERROR_KINDS).toContain(err.kind);
    }
  });

  it("reads a numeric status from an unrecognised HTTP error object", () => {
    expect(normalize(Object.assign(new Error("Too Many Requests"), { status: 429 }))).toMatchObject(
      {
        kind: "throttled",
        retry: "throttling",
      },
    );
  });
});
