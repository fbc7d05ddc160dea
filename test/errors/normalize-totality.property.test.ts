import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROVIDERS, RETRY_CLASSES, STORAGE_ERROR_KINDS } from "../../src/errors/kinds.js";
import { normalize } from "../../src/errors/normalize.js";
import { normalizeResponse } from "../../src/errors/normalize-response.js";
import { isStorageError, type StorageError } from "../../src/errors/storage-error.js";

function expectValid(err: StorageError): void {
  expect(isStorageError(err)).toBe(true);
  expect(STORAGE_ERROR_KINDS).toContain(err.kind);
  expect(RETRY_CLASSES).toContain(err.retry);
  expect(PROVIDERS).toContain(err.provider);
  expect(typeof err.code).toBe("string");
  expect(typeof err.message).toBe("string");
  expect(() => JSON.stringify(err)).not.toThrow();
  expect(() => String(err)).not.toThrow();
}

const xmlElement = fc
  .tuple(
    fc.constantFrom(
      "Code",
      "Message",
      "Region",
      "ServerTime",
      "RequestTime",
      "ProposedSize",
      "Key",
      "httpStatusCode",
      "X",
    ),
    fc.string({ maxLength: 40 }),
  )
  .map(([name, text]) => `<${name}>${text}</${name}>`);
const xmlBody = fc
  .array(xmlElement, { maxLength: 8 })
  .map((parts) => `<Error>${parts.join("")}</Error>`);
const jsonBody = fc
  .record(
    {
      statusCode: fc.oneof(fc.string({ maxLength: 4 }), fc.integer()),
      error: fc.string({ maxLength: 20 }),
      message: fc.string({ maxLength: 60 }),
      code: fc.string({ maxLength: 20 }),
    },
    { requiredKeys: [] },
  )
  .map((body) => JSON.stringify(body));
const anyBody = fc.oneof(
  fc.string({ maxLength: 300 }),
  xmlBody,
  jsonBody,
  fc.uint8Array({ maxLength: 300 }),
  fc.constant(undefined),
);
const headers = fc.dictionary(
  fc.constantFrom(
    "x-amz-request-id",
    "cf-ray",
    "x-clv-request-id",
    "retry-after",
    "x-amz-retry-after",
    "date",
    "server",
    "sb-x",
    "x-amz-bucket-region",
  ),
  fc.string({ maxLength: 40 }),
);

describe("totality (property)", () => {
  it("normalize(anything) returns a valid StorageError and never throws", () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBoxedValues: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
        }),
        (value) => {
          expectValid(normalize(value));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("normalize(error-like with random fields) is valid", () => {
    const errorLike = fc.record(
      {
        name: fc.oneof(
          fc.string(),
          fc.constantFrom("TimeoutError", "AbortError", "TypeError", "NotFound", "Unknown"),
        ),
        message: fc.oneof(
          fc.string(),
          fc.constantFrom("fetch failed", "put: x (10058)", "Network connection lost."),
        ),
        code: fc.oneof(fc.string(), fc.constantFrom("ECONNRESET", "ETIMEDOUT")),
        $metadata: fc.record(
          { httpStatusCode: fc.oneof(fc.integer(), fc.string()) },
          { requiredKeys: [] },
        ),
        statusCode: fc.oneof(fc.integer(), fc.string()),
        __isStorageError: fc.boolean(),
        cause: fc.anything(),
        data: fc.anything(),
        error: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(errorLike, (value) => expectValid(normalize(value))),
      { numRuns: 400 },
    );
  });

  it("normalizeResponse(random status, headers, body) is valid", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1, max: 1_000 }),
        headers,
        anyBody,
        fc.option(fc.constantFrom(...PROVIDERS), { nil: undefined }),
        (status, h, body, provider) => {
          expectValid(normalizeResponse({ status, headers: h, body }, { provider }));
        },
      ),
      { numRuns: 400 },
    );
  });
});
