import { GetObjectCommand } from "@aws-sdk/client-s3";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { makeClient } from "./make-client.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface WireCase {
  name: string;
  status: number;
  headers: Record<string, string>;
  body: string;
  expected: Record<string, unknown>;
  /** Requests the client makes in total (the adapter's default 6 attempts). */
  requests: number;
}

const cases: WireCase[] = [
  {
    name: "R2: 429 TooManyRequests with cf-ray",
    status: 429,
    headers: { "content-type": "application/xml", "cf-ray": "8f1c2d3e4a5b6c7d-AMS" },
    body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>TooManyRequests</Code><Message>Reduce your concurrent request rate for the same object.</Message></Error>',
    expected: { kind: "throttled", retry: "throttling", provider: "r2", gaveUp: "max_attempts" },
    requests: 6,
  },
  {
    name: "IBM: httpStatusCode element and X-Clv-Request-Id",
    status: 507,
    headers: { "content-type": "application/xml", "x-clv-request-id": "ibm-req-1" },
    body: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Error><Code>VaultQuotaExceeded</Code><Message>The vault quota has been exceeded.</Message><Resource>/b/k</Resource><RequestId>ibm-req-1</RequestId><httpStatusCode>507</httpStatusCode></Error>',
    expected: { kind: "quota_exceeded", retry: "never", provider: "ibm", requestId: "ibm-req-1" },
    requests: 1,
  },
  {
    name: "Yandex: 412 `Precondition Failed`",
    status: 412,
    headers: { "content-type": "application/xml" },
    body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>Precondition Failed</Code><Message>At least one of the pre-conditions you specified did not hold</Message><Resource>/b/k</Resource><RequestId>ya-1</RequestId></Error>',
    expected: { kind: "precondition_failed", code: "PreconditionFailed", retry: "never" },
    requests: 1,
  },
  {
    name: "Supabase S3 endpoint: NoSuchKey with Resource first",
    status: 404,
    headers: { "content-type": "application/xml" },
    body: '<?xml version="1.0" encoding="UTF-8"?><Error><Resource>b/k</Resource><Code>NoSuchKey</Code><Message>Object not found</Message></Error>',
    expected: { name: "NoSuchKey", kind: "not_found", code: "NoSuchKey", retry: "never" },
    requests: 1,
  },
  {
    name: "AWS: 503 SlowDown",
    status: 503,
    headers: { "content-type": "application/xml", "x-amz-request-id": "AWSREQ1" },
    body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>AWSREQ1</RequestId><HostId>h</HostId></Error>',
    expected: { kind: "throttled", retry: "throttling", provider: "aws", requestId: "AWSREQ1" },
    requests: 6,
  },
];

describe("S3 dialects through a real S3Client", () => {
  for (const wire of cases) {
    it(wire.name, async () => {
      let requests = 0;
      server.use(
        http.all("http://s3.test.local/*", () => {
          requests += 1;
          return new HttpResponse(wire.body, { status: wire.status, headers: wire.headers });
        }),
      );
      // The sixth attempt follows five straight failures: it goes out as the budget's probe.
      const error = await makeClient()
        .send(new GetObjectCommand({ Bucket: "b", Key: "k" }))
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ ...wire.expected, $metadata: { attempts: wire.requests } });
      expect(requests).toBe(wire.requests);
    });
  }
});
