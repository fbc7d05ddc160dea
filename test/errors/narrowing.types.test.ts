import { describe, expectTypeOf, it } from "vitest";
import type { MissingResource } from "../../src/errors/kinds.js";
import { normalize } from "../../src/errors/normalize.js";
import { normalizeResponse } from "../../src/errors/normalize-response.js";
import type { StorageError } from "../../src/errors/storage-error.js";

describe("types: switch (err.kind) narrows to the kind's own fields", () => {
  it("narrows the normalizers' results", () => {
    const err = normalize(new Error("x"));
    expectTypeOf(err).toEqualTypeOf<StorageError>();
    expectTypeOf(normalizeResponse({ status: 500 })).toEqualTypeOf<StorageError>();
    switch (err.kind) {
      case "clock_skew":
        expectTypeOf(err.serverTime).toEqualTypeOf<Date | undefined>();
        expectTypeOf(err.skewMs).toEqualTypeOf<number | undefined>();
        expectTypeOf(err).not.toHaveProperty("region");
        break;
      case "redirect":
        expectTypeOf(err.region).toEqualTypeOf<string | undefined>();
        expectTypeOf(err.endpoint).toEqualTypeOf<string | undefined>();
        expectTypeOf(err).not.toHaveProperty("serverTime");
        break;
      case "not_found":
        expectTypeOf(err.resource).toEqualTypeOf<MissingResource | undefined>();
        expectTypeOf(err.key).toEqualTypeOf<string | undefined>();
        break;
      case "too_large":
        expectTypeOf(err.maxSize).toEqualTypeOf<number | undefined>();
        expectTypeOf(err.proposedSize).toEqualTypeOf<number | undefined>();
        break;
      case "range_not_satisfiable":
        expectTypeOf(err.actualSize).toEqualTypeOf<number | undefined>();
        break;
      default:
        expectTypeOf(err).not.toHaveProperty("serverTime");
        expectTypeOf(err).not.toHaveProperty("maxSize");
    }
  });
});
