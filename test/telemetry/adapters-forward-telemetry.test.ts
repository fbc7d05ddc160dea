import { GetObjectCommand } from "@aws-sdk/client-s3";
import type { R2Bucket } from "@cloudflare/workers-types";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { guardFetch as guardS3Fetch } from "../../src/adapters/fetch/index.js";
import { guardBucket } from "../../src/adapters/r2/index.js";
import { guardFetch as guardSupabaseFetch } from "../../src/adapters/supabase/index.js";
import { makeClient, s3Error } from "../adapters/aws-sdk/make-client.js";
import { createInstantClock } from "../adapters/instant-clock.js";
import { createRecordingTelemetry } from "./recording-telemetry.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A fetch answering the given responses in turn (the last one repeats). */
function scriptedFetch(responses: (() => Response)[]): typeof fetch {
  let calls = 0;
  return (async () => {
    const next = responses[Math.min(calls++, responses.length - 1)];
    return next ? next() : new Response(null, { status: 599 });
  }) as typeof fetch;
}

const xml = { "content-type": "application/xml" };

describe("every adapter hands its telemetry to the engine", () => {
  it("bucketguard (AWS SDK plugin)", async () => {
    const { telemetry, log } = createRecordingTelemetry();
    let calls = 0;
    server.use(
      http.get("http://s3.test.local/*", () =>
        ++calls === 1
          ? new HttpResponse(s3Error("SlowDown", "Reduce your request rate."), {
              status: 503,
              headers: xml,
            })
          : new HttpResponse("hello", { status: 200 }),
      ),
    );
    const out = await makeClient({ telemetry }).send(
      new GetObjectCommand({ Bucket: "b", Key: "k" }),
    );
    expect(await out.Body?.transformToString()).toBe("hello");
    expect(log).toEqual(["start GetObject -", "retry 1 SlowDown throttling 0ms", "success 2"]);
  });

  it("guardBucket (R2 binding)", async () => {
    const { telemetry, log } = createRecordingTelemetry();
    let calls = 0;
    const binding = {
      head: async () => {
        if (++calls === 1) throw new Error("head: We encountered an internal error. (10001)");
        return null;
      },
    } as unknown as R2Bucket;
    const bucket = guardBucket(binding, {
      telemetry,
      clock: createInstantClock(),
      random: () => 0,
    });
    expect(await bucket.head("k")).toBeNull();
    expect(log).toEqual(["start head r2", "retry 1 InternalError transient 0ms", "success 2"]);
  });

  it("guardFetch (Supabase Storage)", async () => {
    const { telemetry, log } = createRecordingTelemetry();
    const fetch = guardSupabaseFetch(
      scriptedFetch([
        () =>
          Response.json(
            { statusCode: "504", error: "Gateway Timeout", message: "timed out" },
            { status: 400 },
          ),
        () => Response.json([]),
      ]),
      { telemetry, clock: createInstantClock(), random: () => 0 },
    );
    const response = await fetch("http://127.0.0.1:1/storage/v1/object/list/docs", {
      method: "POST",
      body: JSON.stringify({ prefix: "" }),
    });
    expect(response.status).toBe(200);
    expect(log[0]).toBe("start POST /object/list supabase");
    expect(log.slice(1)).toEqual([
      expect.stringMatching(/^retry 1 \S+ transient 0ms$/),
      "success 2",
    ]);
  });

  it("guardFetch (any fetch-based S3 client)", async () => {
    const { telemetry, log } = createRecordingTelemetry();
    const fetch = guardS3Fetch(
      scriptedFetch([
        () => new Response(s3Error("InternalError", "oops"), { status: 500, headers: xml }),
        () => new Response("hello"),
      ]),
      { telemetry, clock: createInstantClock(), random: () => 0, provider: "aws" },
    );
    expect(await (await fetch("http://127.0.0.1:1/b/k")).text()).toBe("hello");
    expect(log).toEqual(["start GET /b/k aws", "retry 1 InternalError transient 0ms", "success 2"]);
  });
});
