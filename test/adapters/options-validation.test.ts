import type { R2Bucket } from "@cloudflare/workers-types";
import { describe, expect, it } from "vitest";
import { bucketguard } from "../../src/adapters/aws-sdk/index.js";
import { guardFetch as guardS3Fetch } from "../../src/adapters/fetch/index.js";
import { guardBucket } from "../../src/adapters/r2/index.js";
import { guardFetch as guardSupabaseFetch } from "../../src/adapters/supabase/index.js";

const bucket = {} as R2Bucket;

/** Each adapter's factory, taking options of any shape (the checks are what is tested). */
const ADAPTERS: Record<string, (options: Record<string, unknown>) => unknown> = {
  bucketguard: (options) => bucketguard(options),
  guardBucket: (options) => guardBucket(bucket, options),
  "guardFetch (fetch)": (options) => guardS3Fetch(fetch, options),
  "guardFetch (supabase)": (options) => guardSupabaseFetch(fetch, options),
};

/** Shared options: every adapter rejects these alike, naming the option and the value. */
const SHARED_CASES: readonly [string, unknown, typeof TypeError | typeof RangeError, string][] = [
  ["maxAttempts", 0, RangeError, "got 0"],
  ["maxAttempts", 1.5, RangeError, "got 1.5"],
  ["maxAttempts", "3", TypeError, 'got "3"'],
  ["deadlineMs", Number.NaN, RangeError, "got NaN"],
  ["deadlineMs", -1, RangeError, "got -1"],
  ["attemptTimeoutMs", 0, RangeError, "got 0"],
  ["outageWaitMs", Number.POSITIVE_INFINITY, RangeError, "got Infinity"],
  ["maxReplayBytes", -1, RangeError, "got -1"],
  ["onRetry", "log", TypeError, 'got "log"'],
  ["onGiveUp", {}, TypeError, "got an object"],
  ["random", 0.5, TypeError, "got 0.5"],
  ["policy", "fast", TypeError, 'got "fast"'],
  ["clock", {}, TypeError, "clock"],
  ["budget", { tryAcquire: () => true }, TypeError, "budget"],
  ["telemetry", {}, TypeError, "telemetry"],
];

describe.each(Object.entries(ADAPTERS))("%s checks its options when made", (_name, make) => {
  it.each(SHARED_CASES)("rejects %s = %s", (option, value, type, shown) => {
    const attempt = () => make({ [option]: value });
    expect(attempt).toThrow(type);
    expect(attempt).toThrow(`\`${option}`);
    expect(attempt).toThrow(shown);
  });

  it("accepts no options and the shared options at their bounds", () => {
    expect(() => make({})).not.toThrow();
    const bounds = { maxAttempts: 1, deadlineMs: 0, attemptTimeoutMs: 1, maxReplayBytes: 0 };
    expect(() => make(bounds)).not.toThrow();
  });
});

/** Options only one adapter takes. */
const OWN_CASES: readonly [string, Record<string, unknown>, typeof TypeError, string][] = [
  ["bucketguard", { stallTimeoutMs: 0 }, RangeError, "stallTimeoutMs"],
  ["bucketguard", { maxResumes: -1 }, RangeError, "maxResumes"],
  ["bucketguard", { resumeDownloads: "yes" }, TypeError, "resumeDownloads"],
  ["bucketguard", { bodyFactory: 1 }, TypeError, "bodyFactory"],
  ["bucketguard", { refreshCredentials: true }, TypeError, "refreshCredentials"],
  ["guardBucket", { writeIntervalMs: -1 }, RangeError, "writeIntervalMs"],
  ["guardBucket", { subrequestLimit: 2.5 }, RangeError, "subrequestLimit"],
  ["guardBucket", { preconditionFailed: "throw" }, TypeError, "preconditionFailed"],
  ["guardBucket", { bodyFactory: "x" }, TypeError, "bodyFactory"],
  ["guardFetch (fetch)", { stallTimeoutMs: Number.NaN }, RangeError, "stallTimeoutMs"],
  ["guardFetch (fetch)", { retryPost: "yes" }, TypeError, "retryPost"],
  ["guardFetch (fetch)", { presign: {} }, TypeError, "presign"],
  ["guardFetch (fetch)", { throwOnError: 1 }, TypeError, "throwOnError"],
  ["guardFetch (fetch)", { provider: "s4" }, TypeError, "provider"],
  ["guardFetch (fetch)", { onClockSkew: 1 }, TypeError, "onClockSkew"],
  ["guardFetch (supabase)", { reconcileUploads: "no" }, TypeError, "reconcileUploads"],
  ["guardFetch (supabase)", { stallTimeoutMs: -5 }, RangeError, "stallTimeoutMs"],
];

describe("options only one adapter takes", () => {
  it.each(OWN_CASES)("%s rejects %o", (adapter, options, type, option) => {
    const make = ADAPTERS[adapter];
    if (!make) throw new Error(`no adapter ${adapter}`);
    expect(() => make(options)).toThrow(type);
    expect(() => make(options)).toThrow(option);
  });

  it("a wrong base fetch is named", () => {
    const notFetch = "fetch" as unknown as typeof fetch;
    expect(() => guardS3Fetch(notFetch)).toThrow(/`baseFetch`/);
    expect(() => guardSupabaseFetch(notFetch)).toThrow(/`baseFetch`/);
  });

  it("the examples of the issue name the option they reject", () => {
    expect(() => bucketguard({ maxAttempts: 0 })).toThrow("Expected `maxAttempts`");
    expect(() => guardBucket(bucket, { writeIntervalMs: -1 })).toThrow("`writeIntervalMs`");
    expect(() => guardS3Fetch(fetch, { deadlineMs: Number.NaN })).toThrow("`deadlineMs`");
  });
});
