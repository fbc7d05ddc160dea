import { Readable } from "node:stream";
import { CopyObjectCommand, GetObjectCommand } from "@aws-sdk/client-s3";
import type { HttpRequest } from "@smithy/types";
import { afterEach, describe, expect, it, vi } from "vitest";
import { requestBodyBytes } from "../../../src/adapters/aws-sdk/send-attempt.js";
import { createManualClock } from "../../../src/index.js";
import { bareClient, makeClientOn } from "./make-client.js";

type Answer = { statusCode: number; body: string };

function stubHandler(answers: Answer[]) {
  const requests: HttpRequest[] = [];
  return {
    requests,
    async handle(request: HttpRequest) {
      requests.push(request);
      const answer = answers[requests.length - 1] ?? answers[answers.length - 1];
      if (answer === undefined) throw new Error("no answer scripted");
      const body = Buffer.from(answer.body);
      return {
        response: {
          statusCode: answer.statusCode,
          headers: { "content-length": String(body.byteLength), etag: '"e"' },
          body: Readable.from([body]),
        },
      };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
  };
}

function client(handler: ReturnType<typeof stubHandler>, plugin: boolean) {
  return plugin
    ? makeClientOn(handler)
    : bareClient({ endpoint: "http://127.0.0.1:1", requestHandler: handler });
}

const get = () => new GetObjectCommand({ Bucket: "b", Key: "k" });
const OK: Answer = { statusCode: 200, body: "body" };
const INTERNAL: Answer = {
  statusCode: 500,
  body: "<Error><Code>InternalError</Code><Message>try again</Message></Error>",
};

/** Counts AbortControllers made while `run` runs. */
async function countControllers(run: () => Promise<unknown>): Promise<number> {
  let made = 0;
  const Original = globalThis.AbortController;
  class Counting extends Original {
    constructor() {
      super();
      made++;
    }
  }
  vi.stubGlobal("AbortController", Counting);
  try {
    await run();
  } finally {
    vi.unstubAllGlobals();
  }
  return made;
}

afterEach(() => vi.unstubAllGlobals());

describe("a successful call costs the plugin nothing it could defer to a failure", () => {
  it("makes no AbortController when nothing can cancel the call (no signal, no timeouts)", async () => {
    const bare = client(stubHandler([OK]), false);
    const guarded = client(stubHandler([OK]), true);
    // Warm both clients first: credential and endpoint resolution happen on the first call.
    await (await bare.send(get())).Body?.transformToString();
    await (await guarded.send(get())).Body?.transformToString();
    const bareCount = await countControllers(async () => {
      for (let i = 0; i < 5; i++) await (await bare.send(get())).Body?.transformToString();
    });
    const guardedCount = await countControllers(async () => {
      for (let i = 0; i < 5; i++) await (await guarded.send(get())).Body?.transformToString();
    });
    expect(guardedCount).toBe(bareCount);
  });

  it("sends the SDK's request first and a fresh copy for each retry, under one invocation id", async () => {
    const handler = stubHandler([INTERNAL, OK]);
    const out = await client(handler, true).send(get());
    expect(await out.Body?.transformToString()).toBe("body");
    expect(out.$metadata.attempts).toBe(2);
    const [first, second] = handler.requests;
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(first?.headers["amz-sdk-request"]).toBe("attempt=1; max=6");
    expect(second?.headers["amz-sdk-request"]).toBe("attempt=2; max=6");
    expect(second?.headers["amz-sdk-invocation-id"]).toBe(first?.headers["amz-sdk-invocation-id"]);
    expect(first?.headers["amz-sdk-invocation-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("a resumed download spends the operation's attempts", () => {
  it("sends at most maxAttempts requests in all when the resumes keep failing", async () => {
    const requests: string[] = [];
    const handler = {
      async handle(request: HttpRequest) {
        requests.push(request.headers.range ?? "whole");
        if (requests.length > 1) {
          const body = Buffer.from(INTERNAL.body);
          return {
            response: {
              statusCode: 500,
              headers: { "content-length": String(body.byteLength) },
              body: Readable.from([body]),
            },
          };
        }
        // Two of four bytes, then the connection dies.
        const body = new Readable({ read() {} });
        body.push(Buffer.from("bo"));
        setTimeout(
          () => body.destroy(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" })),
          5,
        );
        return {
          response: { statusCode: 200, headers: { "content-length": "4", etag: '"e"' }, body },
        };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    };
    const out = await makeClientOn(handler, { maxAttempts: 3 }).send(get());
    await expect(out.Body?.transformToString()).rejects.toThrow();
    // The first attempt, then the one resume with the 2 attempts left (both answered 500).
    expect(requests).toEqual(["whole", "bytes=2-", "bytes=2-"]);
  });
});

describe("the size a stall limit allows an upload", () => {
  it("reads content-length, or the decoded length of an aws-chunked stream", () => {
    const request = (headers: Record<string, string>) => ({
      method: "PUT",
      hostname: "h",
      path: "/b/k",
      query: {},
      headers,
    });
    expect(requestBodyBytes(request({ "content-length": "10" }))).toBe(10);
    expect(
      requestBodyBytes(
        request({ "content-encoding": "aws-chunked", "x-amz-decoded-content-length": "13107200" }),
      ),
    ).toBe(13_107_200);
    expect(requestBodyBytes(request({}))).toBeUndefined();
  });
});

describe("a resumed download is not one of the SDK's attempts", () => {
  it("sends no amz-sdk-request header of the first attempt on a resume", async () => {
    const requests: Record<string, string>[] = [];
    const handler = {
      async handle(request: HttpRequest) {
        requests.push({ ...request.headers });
        if (requests.length > 1) {
          return {
            response: {
              statusCode: 206,
              headers: { "content-length": "2", etag: '"e"' },
              body: Readable.from([Buffer.from("dy")]),
            },
          };
        }
        // Two of four bytes, then the connection dies on the next read.
        let reads = 0;
        const body = new Readable({
          read() {
            if (reads++ === 0) this.push(Buffer.from("bo"));
            else this.destroy(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
          },
        });
        return {
          response: { statusCode: 200, headers: { "content-length": "4", etag: '"e"' }, body },
        };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    };
    const out = await makeClientOn(handler, { clock: createManualClock() }).send(get());
    expect(await out.Body?.transformToString()).toBe("body");
    const [first, resume] = requests;
    expect(first?.["amz-sdk-request"]).toBe("attempt=1; max=6");
    expect(resume?.range).toBe("bytes=2-");
    expect(resume?.["if-match"]).toBe('"e"');
    expect(resume).not.toHaveProperty("amz-sdk-request");
    expect(requests).toHaveLength(2);
  });
});

describe("commands S3 holds open with spaces", () => {
  const COPY_RESULT =
    '<?xml version="1.0"?><CopyObjectResult><ETag>"e"</ETag><LastModified>2026-12-02T00:00:00.000Z</LastModified></CopyObjectResult>';
  const copy = () => new CopyObjectCommand({ Bucket: "b", Key: "copy", CopySource: "b/original" });

  /** Answers each request 200 at once with the next body (a Readable the test feeds). */
  function heldOpenHandler(bodies: Readable[]) {
    let answered = 0;
    return {
      get answered() {
        return answered;
      },
      async handle() {
        const body = bodies[answered++];
        if (body === undefined) throw new Error("no body scripted");
        body.push(Buffer.from(" "));
        return { response: { statusCode: 200, headers: {}, body } };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    };
  }

  it("ends a CopyObject's no-response limit with its headers, then reads a slow body", async () => {
    const clock = createManualClock();
    const body = new Readable({ read() {} });
    const handler = heldOpenHandler([body]);
    const pending = makeClientOn(handler, { clock, stallTimeoutMs: 1000 }).send(copy());
    await vi.waitFor(() => expect(handler.answered).toBe(1));
    // Five times the 1 s limit in all: S3 is still copying, sending a space now and then.
    for (let i = 0; i < 10; i++) {
      await clock.advance(500);
      body.push(Buffer.from(" "));
    }
    body.push(Buffer.from(COPY_RESULT));
    body.push(null);
    const out = await pending;
    expect(out.CopyObjectResult?.ETag).toBe('"e"');
    expect(out.$metadata.attempts).toBe(1);
  });

  it("fails a held-open body that goes silent after its headers as a stall, and retries", async () => {
    const clock = createManualClock();
    const silent = new Readable({ read() {} });
    const second = new Readable({ read() {} });
    const handler = heldOpenHandler([silent, second]);
    let settled = false;
    // No jitter: the retry's wait is 0 ms, so it runs at the stall's own time.
    const pending = makeClientOn(handler, { clock, random: () => 0, stallTimeoutMs: 1000 })
      .send(copy())
      .finally(() => {
        settled = true;
      });
    await vi.waitFor(() => expect(handler.answered).toBe(1));
    await clock.advance(999);
    expect(handler.answered).toBe(1);
    await clock.advance(1);
    await vi.waitFor(() => expect(handler.answered).toBe(2));
    expect(silent.destroyed).toBe(true);
    expect(settled).toBe(false);
    second.push(Buffer.from(COPY_RESULT));
    second.push(null);
    const out = await pending;
    expect(out.CopyObjectResult?.ETag).toBe('"e"');
    expect(out.$metadata.attempts).toBe(2);
  });

  it("gives up on a silent held-open body with a transient timeout naming the stall", async () => {
    const clock = createManualClock();
    const handler = heldOpenHandler([new Readable({ read() {} })]);
    const pending = makeClientOn(handler, { clock, stallTimeoutMs: 1000, maxAttempts: 1 })
      .send(copy())
      .catch((e: unknown) => e);
    await vi.waitFor(() => expect(handler.answered).toBe(1));
    await clock.advance(1000);
    const error = await pending;
    expect(error).toMatchObject({ kind: "timeout", retry: "transient", gaveUp: "max_attempts" });
    expect((error as Error).message).toMatch(/response body made no progress for 1000 ms/);
  });
});
