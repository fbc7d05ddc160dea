import { describe, expect, it } from "vitest";
import {
  findRetryAfterMs,
  parseAmzRetryAfter,
  parseRetryAfter,
  parseRetryInSeconds,
} from "../../../src/errors/parse/retry-hint.js";

const NOW_MS = Date.UTC(2026, 10, 22, 5, 0, 0);

describe("retry hints", () => {
  it("reads Retry-After as seconds or an HTTP date relative to nowMs", () => {
    expect(parseRetryAfter("60", NOW_MS)).toBe(60_000);
    expect(parseRetryAfter("1.5", NOW_MS)).toBe(1_500);
    expect(parseRetryAfter("Sun, 22 Nov 2026 05:00:10 GMT", NOW_MS)).toBe(10_000);
    expect(parseRetryAfter("Sun, 22 Nov 2026 04:00:00 GMT", NOW_MS)).toBe(0);
    expect(parseRetryAfter("soon", NOW_MS)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW_MS)).toBeUndefined();
  });

  it("reads x-amz-retry-after as milliseconds", () => {
    expect(parseAmzRetryAfter("1500")).toBe(1_500);
    expect(parseAmzRetryAfter("-1")).toBeUndefined();
  });

  it("reads Supabase's 'retry in N seconds', whatever the casing", () => {
    expect(parseRetryInSeconds("Rate limit exceeded, retry in 4 seconds")).toBe(4_000);
    expect(parseRetryInSeconds("RATE LIMIT EXCEEDED, RETRY IN 1 SECOND")).toBe(1_000);
    expect(parseRetryInSeconds("Object not found")).toBeUndefined();
  });

  it("prefers headers over the message", () => {
    const headers: Record<string, string> = { "retry-after": "2" };
    expect(findRetryAfterMs((name) => headers[name], "retry in 9 seconds", NOW_MS)).toBe(2_000);
    expect(findRetryAfterMs(() => undefined, "retry in 9 seconds", NOW_MS)).toBe(9_000);
  });
});
