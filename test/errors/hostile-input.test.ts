import { afterEach, describe, expect, it, vi } from "vitest";
import { normalize } from "../../src/errors/normalize.js";
import { normalizeResponse } from "../../src/errors/normalize-response.js";
import { MAX_BODY_PREFIX_BYTES } from "../../src/errors/read-body-prefix.js";

const TEN_MB = 10 * 1024 * 1024;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("hostile input: work is bounded", () => {
  it("decodes only a prefix of a 10 MB byte body", () => {
    const decode = vi.spyOn(TextDecoder.prototype, "decode");
    const body = new Uint8Array(TEN_MB).fill(0x20);
    body.set(new TextEncoder().encode("<Error><Code>SlowDown</Code></Error>"), 0);
    const err = normalizeResponse({ status: 503, body });
    expect(err).toMatchObject({ kind: "throttled", code: "SlowDown" });
    const lengths = decode.mock.calls.map(
      ([input]) => (input as Uint8Array | undefined)?.byteLength ?? 0,
    );
    expect(Math.max(...lengths)).toBeLessThanOrEqual(MAX_BODY_PREFIX_BYTES);
  });

  it("ignores everything past the prefix of a 10 MB string body", () => {
    const body = `<Error>${" ".repeat(TEN_MB)}<Code>SlowDown</Code></Error>`;
    const err = normalizeResponse({ status: 500, body });
    expect(err).toMatchObject({ kind: "server_error", code: "InternalError" });
    const huge = normalize(new Error("x".repeat(TEN_MB)));
    expect(huge.message.length).toBeLessThanOrEqual(1_025);
  });

  it("never expands an XML entity bomb", () => {
    const levels = Array.from({ length: 10 }, (_, i) =>
      i === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`,
    ).join("");
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [${levels}]><Error><Code>&lol9;</Code><Message>&lol9;</Message></Error>`;
    const err = normalizeResponse({ status: 400, body: bomb });
    expect(err.message).toBe("&lol9;");
    expect(err.providerCode).toBe("&lol9;");
    expect(err.kind).toBe("invalid_request");
  });

  it("handles 100k-deep XML and JSON nesting by falling back on the status", () => {
    const xml = `${"<a>".repeat(100_000)}x${"</a>".repeat(100_000)}`;
    expect(normalizeResponse({ status: 503, body: xml })).toMatchObject({ kind: "unavailable" });
    const json = `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`;
    expect(normalizeResponse({ status: 504, body: json })).toMatchObject({ kind: "timeout" });
  });

  it("reads a bounded number of links of a 100k-deep cause chain or { data, error } nesting", () => {
    let reads = 0;
    const count = <T extends object>(target: T): T =>
      new Proxy(target, {
        get(inner, key, receiver) {
          reads += 1;
          return Reflect.get(inner, key, receiver);
        },
      });
    let chain: object = count({ code: "ECONNRESET" });
    for (let i = 0; i < 100_000; i++) chain = count({ cause: chain, data: null, error: chain });
    const counted = chain;
    const err = normalize(counted);
    expect(err.kind).toBe("unknown");
    expect(reads).toBeLessThan(100);
  });
});
