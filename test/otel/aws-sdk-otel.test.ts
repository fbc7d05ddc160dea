import { GetObjectCommand } from "@aws-sdk/client-s3";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRetryBudget } from "../../src/index.js";
import { otelTelemetry } from "../../src/otel/index.js";
import { makeClient, s3Error } from "../adapters/aws-sdk/make-client.js";
import { installOtelSdk } from "./otel-sdk.js";

const otel = installOtelSdk();
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(async () => {
  server.close();
  await otel.shutdown();
});

describe("bucketguard/otel with the AWS SDK plugin and the real OpenTelemetry SDK", () => {
  it("GetObject answered 503, 503, 200 under an active span: two retry events, resend count 2, 2 retry + 1 success", async () => {
    let requests = 0;
    server.use(
      http.get("http://s3.test.local/*", () =>
        ++requests <= 2
          ? new HttpResponse(s3Error("SlowDown", "Please reduce your request rate."), {
              status: 503,
              headers: { "content-type": "application/xml" },
            })
          : new HttpResponse("hello", { status: 200 }),
      ),
    );
    const budget = createRetryBudget();
    const client = makeClient({ budget, telemetry: otelTelemetry({ api: otel.api }) });
    const tracer = otel.api.trace.getTracer("test");
    const body = await tracer.startActiveSpan("S3.GetObject", async (span) => {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: "b", Key: "k" }));
        return await out.Body?.transformToString();
      } finally {
        span.end();
      }
    });
    expect(body).toBe("hello");
    expect(requests).toBe(3);

    const finished = otel.spans.getFinishedSpans();
    expect(finished.map((span) => span.name)).toEqual(["S3.GetObject"]);
    const [span] = finished;
    expect(span?.attributes["http.request.resend_count"]).toBe(2);
    expect(span?.events.map((event) => event.name)).toEqual([
      "bucketguard.retry",
      "bucketguard.retry",
    ]);
    expect(span?.events.map((event) => event.attributes)).toEqual(
      [1, 2].map((attempt) => ({
        "bucketguard.attempt.number": attempt,
        "bucketguard.retry.delay": 0,
        "error.type": "throttled",
        "bucketguard.retry.class": "throttling",
        "bucketguard.error.code": "SlowDown",
        "bucketguard.provider.name": "aws",
        "http.response.status_code": 503,
      })),
    );

    const attempts = await otel.points("bucketguard.attempts");
    const byOutcome = attempts.map((point) => [point.attributes, point.value]);
    expect(byOutcome).toEqual(
      expect.arrayContaining([
        [
          {
            "bucketguard.attempt.outcome": "retry",
            "bucketguard.provider.name": "aws",
            "bucketguard.operation.name": "GetObject",
            "error.type": "throttled",
            "bucketguard.retry.class": "throttling",
          },
          2,
        ],
        [
          {
            "bucketguard.attempt.outcome": "success",
            "bucketguard.provider.name": "aws",
            "bucketguard.operation.name": "GetObject",
          },
          1,
        ],
      ]),
    );
    expect(attempts).toHaveLength(2);

    const delays = await otel.points("bucketguard.retry.delay");
    expect(delays).toHaveLength(1);
    expect(delays[0]?.value).toMatchObject({ count: 2, sum: 0 });

    // A budget is reported as soon as an operation used it: two retries spent, the success refunded one.
    const tokens = await otel.points("bucketguard.budget.tokens");
    expect(tokens.map((point) => point.attributes)).toEqual([
      { "bucketguard.budget.name": "budget-1" },
    ]);
    // 500 - 2 throttling retries x 5 + the success's refund of the last one's 5.
    expect(tokens[0]?.value).toBe(495);
    expect(budget.available).toBe(495);
  });
});
