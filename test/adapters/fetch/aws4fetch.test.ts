import { AwsClient } from "aws4fetch";
import { HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { guardFetch } from "../../../src/adapters/fetch/index.js";
import { createInstantClock } from "../instant-clock.js";
import { S3_URL, s3Error, sequence } from "./s3-responses.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "secret",
  region: "us-east-1",
  service: "s3",
};
const slowDown = () => s3Error(503, "SlowDown", "Please reduce your request rate.");
const ok = () => new HttpResponse("hello", { status: 200 });
const options = { clock: createInstantClock(), random: () => 0.5 };

describe("guardFetch (fetch) with aws4fetch", () => {
  it("signs every attempt through presign (aws.sign), with no aws4fetch retries involved", async () => {
    const route = sequence("/a.txt", [slowDown, slowDown, ok]);
    server.use(route.handler);
    const aws = new AwsClient(credentials);
    let signed = 0;
    const fetch = guardFetch(undefined, {
      ...options,
      presign: (request) => {
        signed++;
        return aws.sign(request);
      },
    });
    const response = await fetch(`${S3_URL}/a.txt`, { method: "PUT", body: "hello" });
    expect(response.status).toBe(200);
    expect(route.state.count).toBe(3);
    expect(signed).toBe(3);
    expect(route.state.dates.every((date) => date !== null)).toBe(true);
    expect(route.state.bodies).toEqual(["hello", "hello", "hello"]);
  });

  it("wrapping aws.fetch needs `retries: 0`: then attempts are exactly the policy's", async () => {
    const route = sequence("/a.txt", [slowDown]);
    server.use(route.handler);
    const aws = new AwsClient({ ...credentials, retries: 0 });
    const fetch = guardFetch((input, init) => aws.fetch(input, init), options);
    expect((await fetch(`${S3_URL}/a.txt`)).status).toBe(503);
    expect(route.state.count).toBe(3);
  });

  it("without `retries: 0`, aws4fetch's own loop multiplies attempts (why the docs insist)", async () => {
    const route = sequence("/a.txt", [slowDown]);
    server.use(route.handler);
    const aws = new AwsClient({ ...credentials, retries: 2, initRetryMs: 1 });
    const fetch = guardFetch((input, init) => aws.fetch(input, init), options);
    expect((await fetch(`${S3_URL}/a.txt`)).status).toBe(503);
    expect(route.state.count).toBe(9);
  });
});
