import { Readable } from "node:stream";
import { GetObjectCommand, HeadObjectCommand } from "@aws-sdk/client-s3";
import type { HttpRequest } from "@smithy/types";
import { describe, expect, it, vi } from "vitest";
import {
  type BucketguardOptions,
  bucketguard,
  DEFAULT_STALL_TIMEOUT_MS,
} from "../../../src/adapters/aws-sdk/index.js";
import { createManualClock } from "../../../src/index.js";
import { makeClientOn } from "./make-client.js";

type Answer = (signal: AbortSignal | undefined) => Promise<{ response: unknown }>;

/** A request handler that records the abortSignal of every request and answers with `answer`. */
function stubHandler(answers: Answer[]) {
  const signals: (AbortSignal | undefined)[] = [];
  const handler = {
    signals,
    handle(_request: HttpRequest, options?: { abortSignal?: AbortSignal }) {
      signals.push(options?.abortSignal);
      const answer = answers[signals.length - 1] ?? answers[answers.length - 1];
      if (answer === undefined) throw new Error("no answer scripted");
      return answer(options?.abortSignal);
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
  };
  return handler;
}

/** Never answers; rejects like NodeHttpHandler once its signal aborts. */
const silent: Answer = (signal) =>
  new Promise((_, reject) => {
    signal?.addEventListener("abort", () => {
      reject(Object.assign(new Error("Request aborted"), { name: "AbortError" }));
    });
  });

const ok =
  (body?: Readable): Answer =>
  async () => ({
    response: {
      statusCode: 200,
      headers: { "content-length": "4", etag: '"e"' },
      body: body ?? Readable.from([Buffer.from("body")]),
    },
  });

function client(handler: ReturnType<typeof stubHandler>, options: BucketguardOptions) {
  return makeClientOn(handler, options);
}

const head = () => new HeadObjectCommand({ Bucket: "b", Key: "k" });

/**
 * Waits until the handler has `count` requests: the SDK's own steps before the handler (credentials,
 * endpoint, signing) take a varying number of turns, and the manual clock must not move earlier.
 */
const sent = (handler: ReturnType<typeof stubHandler>, count: number) =>
  vi.waitFor(() => expect(handler.signals.length).toBeGreaterThanOrEqual(count));

describe("the attempt signal reaches the HTTP handler", () => {
  it("attemptTimeoutMs aborts the request in flight, then the retry succeeds", async () => {
    const clock = createManualClock();
    const handler = stubHandler([silent, ok()]);
    const pending = client(handler, { clock, attemptTimeoutMs: 1000 }).send(head());
    await sent(handler, 1);
    await clock.advance(1000);
    await clock.runAll();
    const out = await pending;
    expect(out.$metadata.attempts).toBe(2);
    expect(handler.signals[0]?.aborted).toBe(true);
    expect(handler.signals[1]?.aborted).toBe(false);
  });

  it("a response that never comes fails as timeout after stallTimeoutMs and is cancelled", async () => {
    const clock = createManualClock();
    const handler = stubHandler([silent]);
    const pending = client(handler, { clock, maxAttempts: 1, stallTimeoutMs: 5000 })
      .send(head())
      .catch((e: unknown) => e);
    await sent(handler, 1);
    await clock.advance(4999);
    expect(handler.signals[0]?.aborted).toBe(false);
    await clock.advance(1);
    const error = await pending;
    expect(error).toMatchObject({ kind: "timeout", retry: "transient", gaveUp: "max_attempts" });
    expect((error as Error).message).toMatch(/No response within 5000 ms/);
    expect(handler.signals[0]?.aborted).toBe(true);
  });

  it("stalls by default after 30 s", async () => {
    const clock = createManualClock();
    const handler = stubHandler([silent, ok()]);
    const pending = client(handler, { clock }).send(head());
    await sent(handler, 1);
    await clock.advance(DEFAULT_STALL_TIMEOUT_MS);
    await clock.runAll();
    expect((await pending).$metadata.attempts).toBe(2);
  });

  it("the caller's abortSignal still cancels the request", async () => {
    const handler = stubHandler([silent]);
    const controller = new AbortController();
    const pending = client(handler, {})
      .send(head(), { abortSignal: controller.signal })
      .catch((e: unknown) => e);
    await sent(handler, 1);
    controller.abort();
    expect(await pending).toMatchObject({ kind: "aborted" });
    expect(handler.signals[0]?.aborted).toBe(true);
  });

  it("the caller's abortSignal cancels the request on an SDK that keeps it out of the context", async () => {
    const handler = stubHandler([silent, ok()]);
    const controller = new AbortController();
    const c = client(handler, {});
    // Earlier SDK versions hand the caller's signal only to the request handler.
    c.middlewareStack.add(
      (next, context) => (args) => {
        const smithy = (context as { __smithy_context?: { abortSignal?: unknown } })
          .__smithy_context;
        if (smithy !== undefined) smithy.abortSignal = undefined;
        return next(args);
      },
      { step: "initialize", name: "hideAbortSignal" },
    );
    const pending = c.send(head(), { abortSignal: controller.signal }).catch((e: unknown) => e);
    await sent(handler, 1);
    controller.abort();
    expect(await pending).toMatchObject({ kind: "aborted", retry: "never" });
    expect(handler.signals[0]?.aborted).toBe(true);
    expect(handler.signals).toHaveLength(1);
  });

  it("adds no listener per attempt of its own to a caller's signal the SDK puts in the context", async () => {
    const unavailable: Answer = async () => ({
      response: {
        statusCode: 503,
        headers: {},
        body: Readable.from([Buffer.from("<Error><Code>SlowDown</Code></Error>")]),
      },
    });
    /** The `abort` listeners added to the caller's signal over one call answered by `answers`. */
    const listenersAdded = async (answers: Answer[]): Promise<number> => {
      const clock = createManualClock();
      const handler = stubHandler(answers);
      const controller = new AbortController();
      const add = vi.spyOn(controller.signal, "addEventListener");
      // No stall limit and no jitter: the only timers are the retries' 0 ms waits.
      const options = { clock, random: () => 0, stallTimeoutMs: Number.POSITIVE_INFINITY };
      let done = false;
      const pending = client(handler, options)
        .send(head(), { abortSignal: controller.signal })
        .finally(() => {
          done = true;
        });
      while (!done) await clock.advance(0);
      expect((await pending).$metadata.attempts).toBe(answers.length);
      return add.mock.calls.filter(([type]) => type === "abort").length;
    };
    const once = await listenersAdded([ok()]);
    const thrice = await listenersAdded([unavailable, unavailable, ok()]);
    // Two more attempts and the two waits before them: the engine links the caller's signal to
    // each, and nothing else follows it (following it in the handler as well would make 6).
    expect(thrice - once).toBe(4);
  });

  it("leaves a complete small body as it came, and guards one still arriving", async () => {
    const complete = new Readable({ read() {} });
    complete.push(Buffer.from("body"));
    complete.push(null);
    const arriving = new Readable({ read() {} });
    const handler = stubHandler([ok(complete), ok(arriving)]);
    const c = client(handler, { clock: createManualClock() });
    const first = await c.send(new GetObjectCommand({ Bucket: "b", Key: "k" }));
    expect(first.Body).toBe(complete);
    const second = await c.send(new GetObjectCommand({ Bucket: "b", Key: "k" }));
    expect(second.Body).not.toBe(arriving);
    arriving.push(Buffer.from("body"));
    arriving.push(null);
    expect(await second.Body?.transformToString()).toBe("body");
  });
});

describe("option validation: stallTimeoutMs, maxResumes", () => {
  it.each([0, -1, Number.NaN, "30" as unknown as number])("rejects %s naming the option", (v) => {
    expect(() => bucketguard({ stallTimeoutMs: v })).toThrow(RangeError);
    expect(() => bucketguard({ stallTimeoutMs: v })).toThrow(/stallTimeoutMs/);
  });

  it.each([-1, 1.5, Number.NaN])("rejects maxResumes %s naming the option", (v) => {
    expect(() => bucketguard({ maxResumes: v })).toThrow(/maxResumes/);
    expect(() => bucketguard({ maxResumes: v })).toThrow(RangeError);
  });

  it("accepts Infinity (no limit) and positive numbers", () => {
    expect(() => bucketguard({ stallTimeoutMs: Number.POSITIVE_INFINITY })).not.toThrow();
    expect(() => bucketguard({ stallTimeoutMs: 1 })).not.toThrow();
  });
});
