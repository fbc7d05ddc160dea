import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bucketguard } from "../../../src/adapters/aws-sdk/index.js";
import { createInstantClock } from "./integration/harness.js";
import { makeClient, s3Error } from "./make-client.js";

const plainClient = () =>
  new S3Client({
    region: "us-east-1",
    endpoint: "http://s3.test.local",
    forcePathStyle: true,
    credentials: { accessKeyId: "AKID", secretAccessKey: "s" },
  });

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const xml = { "content-type": "application/xml" };
const get = () => new GetObjectCommand({ Bucket: "b", Key: "k" });

function firstThen(first: () => Response, auth: string[]) {
  return http.all("http://s3.test.local/*", ({ request }) => {
    auth.push(request.headers.get("authorization") ?? "");
    return auth.length === 1 ? first() : new HttpResponse("ok", { headers: { etag: '"e"' } });
  });
}

describe("one-shot retries", () => {
  it("follows AuthorizationHeaderMalformed to the region it names, once", async () => {
    const auth: string[] = [];
    server.use(
      firstThen(
        () =>
          new HttpResponse(
            s3Error(
              "AuthorizationHeaderMalformed",
              "the region 'us-east-1' is wrong; expecting 'eu-west-1'",
              "<Region>eu-west-1</Region>",
            ),
            { status: 400, headers: xml },
          ),
        auth,
      ),
    );
    const out = await makeClient().send(get());
    expect(out.$metadata.attempts).toBe(2);
    expect(auth[0]).toContain("/us-east-1/s3/");
    expect(auth[1]).toContain("/eu-west-1/s3/");
  });

  it("refreshes credentials with forceRefresh after ExpiredToken, once", async () => {
    const auth: string[] = [];
    const refreshes: unknown[] = [];
    server.use(
      firstThen(
        () =>
          new HttpResponse(s3Error("ExpiredToken", "The provided token has expired."), {
            status: 400,
            headers: xml,
          }),
        auth,
      ),
    );
    let generation = 0;
    const client = new S3Client({
      region: "us-east-1",
      endpoint: "http://s3.test.local",
      forcePathStyle: true,
      credentials: async (options?: { forceRefresh?: boolean }) => {
        if (options?.forceRefresh) refreshes.push(options);
        generation += options?.forceRefresh ? 1 : 0;
        return { accessKeyId: `AKID${generation}`, secretAccessKey: "s" };
      },
    });
    client.middlewareStack.use(bucketguard({ random: () => 0 }));
    const out = await client.send(get());
    expect(out.$metadata.attempts).toBe(2);
    expect(refreshes).toEqual([expect.objectContaining({ forceRefresh: true })]);
    expect(auth[0]).toContain("Credential=AKID0/");
    expect(auth[1]).toContain("Credential=AKID1/");
  });

  it("does not retry ExpiredToken with refreshCredentials: false", async () => {
    const auth: string[] = [];
    server.use(
      firstThen(
        () =>
          new HttpResponse(s3Error("ExpiredToken", "The provided token has expired."), {
            status: 400,
            headers: xml,
          }),
        auth,
      ),
    );
    const error = await makeClient({ refreshCredentials: false })
      .send(get())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "unauthenticated", retry: "credentials" });
    expect(auth).toHaveLength(1);
  });

  it("gives each client its own retry budget", async () => {
    server.use(
      http.all(
        "http://s3.test.local/*",
        () => new HttpResponse(s3Error("InternalError", "x"), { status: 500, headers: xml }),
      ),
    );
    const clock = createInstantClock();
    const plugin = bucketguard({ random: () => 0, clock });
    const [first, second] = [plainClient(), plainClient()];
    first.middlewareStack.use(plugin);
    second.middlewareStack.use(plugin);
    const reasons: unknown[] = [];
    // The first client's budget sees its endpoint down until its breaker opens.
    for (let i = 0; i < 60 && !reasons.includes("endpoint_down"); i++) {
      const error = await first.send(get()).catch((e: unknown) => e);
      reasons.push((error as { gaveUp?: unknown }).gaveUp);
    }
    expect(reasons).toContain("endpoint_down");
    const fresh = await second.send(get()).catch((e: unknown) => e);
    expect(fresh).toMatchObject({ gaveUp: "max_attempts", $metadata: { attempts: 6 } });
  });
});
