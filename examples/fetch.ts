// Presigned URLs and aws4fetch with bucketguard: run with `npx tsx examples/fetch.ts`.
// A tiny loopback server stands in for S3 and answers the way S3 does.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { AwsClient } from "aws4fetch";
// In your project: import { guardFetch } from "bucketguard/fetch";
import { guardFetch } from "../src/adapters/fetch/index.js";
// In your project: import { isStorageError } from "bucketguard";
import { isStorageError } from "../src/index.js";

let requests = 0;
const server = createServer((req, res) => {
  requests++;
  const url = new URL(req.url ?? "/", "http://localhost");
  const xml = (code: string, message: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>EXAMPLE${requests}</RequestId></Error>`;
  if (url.searchParams.get("X-Amz-Expires") === "1") {
    res
      .writeHead(403, { "content-type": "application/xml" })
      .end(xml("AccessDenied", "Request has expired"));
  } else if (requests % 2 === 1) {
    res
      .writeHead(503, { "content-type": "application/xml" })
      .end(xml("SlowDown", "Please reduce your request rate."));
  } else {
    res.writeHead(200, { "content-type": "text/plain" }).end("hello from the bucket");
  }
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// aws4fetch retries by itself (10 times by default): with bucketguard, sign only, and let
// guardFetch retry; if you wrap aws.fetch instead, pass `retries: 0`.
const aws = new AwsClient({
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "secret",
  service: "s3",
  region: "us-east-1",
  retries: 0,
});
const fetch = guardFetch(undefined, {
  presign: (request) => aws.sign(request),
  throwOnError: true,
  onRetry: ({ attempt, error, delayMs }) =>
    console.log(
      `  retry after attempt ${attempt}: ${error.code} (${error.retry}), waiting ${delayMs} ms`,
    ),
});

console.log("GET with a signature per attempt (first answer: 503 SlowDown)");
const response = await fetch(`${endpoint}/docs/a.txt`);
console.log(`  ${response.status}: ${await response.text()}`);

console.log("presigned URL that has expired (403: not retried)");
const presigned = await aws.sign(`${endpoint}/docs/a.txt?X-Amz-Expires=1`, {
  aws: { signQuery: true },
});
try {
  await guardFetch(undefined, { throwOnError: true })(presigned.url);
} catch (error) {
  if (!isStorageError(error)) throw error;
  console.log(
    `  ${error.kind} ${error.code} status=${error.status} retry=${error.retry}: ${error.message}`,
  );
}
console.log(`requests served: ${requests}`);

server.close();
