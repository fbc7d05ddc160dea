import { Readable } from "node:stream";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { planReplay } from "../../../src/adapters/aws-sdk/replay-body.js";
import { makeClient } from "./make-client.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function failingFirst(bodies: string[]) {
  return http.all("http://s3.test.local/*", async ({ request }) => {
    bodies.push(await request.text());
    if (bodies.length > 1) return new HttpResponse(null, { status: 200, headers: { etag: '"e"' } });
    return new HttpResponse("<Error><Code>InternalError</Code><Message>x</Message></Error>", {
      status: 500,
    });
  });
}

const put = (Body: PutObjectCommand["input"]["Body"]) =>
  new PutObjectCommand({ Bucket: "b", Key: "k", Body, ContentLength: 12 });

describe("request bodies", () => {
  it("buffers a short stream and sends it again whole", async () => {
    const bodies: string[] = [];
    server.use(failingFirst(bodies));
    await makeClient().send(put(Readable.from(["aaaa", "bbbb", "cccc"])));
    expect(bodies).toEqual(["aaaabbbbcccc", "aaaabbbbcccc"]);
  });

  it("sends a stream longer than maxReplayBytes once, whole, and does not retry it", async () => {
    const bodies: string[] = [];
    server.use(failingFirst(bodies));
    const error = await makeClient({ maxReplayBytes: 6 })
      .send(put(Readable.from(["aaaa", "bbbb", "cccc"])))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ retry: "transient", gaveUp: "body_not_replayable" });
    expect(bodies).toEqual(["aaaabbbbcccc"]);
  });

  it("takes retried stream bodies from bodyFactory", async () => {
    const bodies: string[] = [];
    const calls: number[] = [];
    server.use(failingFirst(bodies));
    const client = makeClient({
      maxReplayBytes: 0,
      bodyFactory: ({ attempt, commandName }) => {
        calls.push(attempt);
        expect(commandName).toBe("PutObject");
        return Readable.from(["xxxxyyyyzzzz"]);
      },
    });
    await client.send(put(Readable.from(["aaaa", "bbbb", "cccc"])));
    expect(bodies).toEqual(["aaaabbbbcccc", "xxxxyyyyzzzz"]);
    expect(calls).toEqual([2]);
  });

  it("replays strings, bytes and Blobs as they are, and refuses unknown bodies", async () => {
    for (const body of ["text", new Uint8Array([1, 2]), new Blob(["blob"]), undefined]) {
      const plan = await planReplay(body, 10, undefined);
      expect(plan.replayable).toBe(true);
      expect(await plan.forAttempt(3)).toBe(body);
    }
    expect((await planReplay({ opaque: true }, 10, undefined)).replayable).toBe(false);
  });
});
