import { describe, expect, expectTypeOf, it } from "vitest";
import type { StorageErrorKind, StorageErrorOf } from "../../src/index.js";
import { StorageError } from "../../src/index.js";

const base = { code: "C", message: "m", provider: "aws" } as const;

describe("types: StorageErrorInit accepts a kind's own details only", () => {
  it("takes the details of the kind given, and types the result by that kind", () => {
    const serverTime = new Date(0);
    const skewed = new StorageError({
      ...base,
      kind: "clock_skew",
      retry: "clock_skew",
      serverTime,
      skewMs: 900_000,
    });
    expectTypeOf(skewed).toEqualTypeOf<StorageErrorOf<"clock_skew">>();
    expect(skewed.serverTime).toBe(serverTime);
    const missing = new StorageError({ ...base, kind: "not_found", retry: "never", bucket: "b" });
    expect(missing.bucket).toBe("b");
  });

  it("refuses another kind's details", () => {
    const serverTime = new Date(0);
    const aborted = new StorageError({
      ...base,
      kind: "aborted",
      retry: "never",
      // @ts-expect-error serverTime belongs to clock_skew, not aborted
      serverTime,
    });
    const withBucket = new StorageError({
      ...base,
      kind: "throttled",
      retry: "throttling",
      // @ts-expect-error bucket belongs to not_found
      bucket: "b",
    });
    // Refused by the type only: at run time the fields are still copied.
    expect([aborted.kind, withBucket.kind]).toEqual(["aborted", "throttled"]);
  });

  it("takes every kind's details when the kind is only known as a union", () => {
    const kind = "timeout" as StorageErrorKind;
    const err = new StorageError({ ...base, kind, retry: "transient", region: "eu-west-1" });
    expectTypeOf(err).toEqualTypeOf<StorageError>();
    expect(err.kind).toBe("timeout");
  });
});
