// The AWS SDK v3 with bucketguard: run with `npx tsx examples/aws-sdk.ts`.
// A real S3 server (s3rver) runs on 127.0.0.1, and a tiny loopback server answers the way
// R2, IBM COS, Yandex and Supabase's S3 endpoint do: one catch handles them all.
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
// In your project: import { bucketguard } from "bucketguard/aws-sdk";
import { bucketguard } from "../src/adapters/aws-sdk/index.js";
// In your project: import { isStorageError } from "bucketguard";
import { isStorageError } from "../src/index.js";

const directory = await mkdtemp(join(tmpdir(), "bucketguard-example-"));
const s3rver = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory });
const { port } = await s3rver.run();

// What other providers answer, keyed by bucket name.
const dialects: Record<string, { status: number; headers: Record<string, string>; body: string }> =
  {
    r2: {
      status: 429,
      headers: { "cf-ray": "8f1c2d3e4a5b6c7d-AMS" },
      body: "<Error><Code>TooManyRequests</Code><Message>Reduce your request rate.</Message></Error>",
    },
    ibm: {
      status: 507,
      headers: { "x-clv-request-id": "ibm-1" },
      body: "<Error><Code>VaultQuotaExceeded</Code><Message>Quota exceeded</Message><httpStatusCode>507</httpStatusCode></Error>",
    },
    yandex: {
      status: 412,
      headers: {},
      body: "<Error><Code>Precondition Failed</Code><Message>Precondition failed</Message><RequestId>ya-1</RequestId></Error>",
    },
    supabase: {
      status: 404,
      headers: {},
      body: "<Error><Resource>supabase/k</Resource><Code>NoSuchKey</Code><Message>Object not found</Message></Error>",
    },
  };
const fake = createServer((req, res) => {
  const bucket = (req.url ?? "/").split("/")[1]?.split("?")[0] ?? "";
  const answer = dialects[bucket] ?? dialects.supabase;
  req.resume();
  res
    .writeHead(answer?.status ?? 500, { "content-type": "application/xml", ...answer?.headers })
    .end(answer?.body);
});
await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));

function client(endpoint: string): S3Client {
  const s3 = new S3Client({
    region: "us-east-1",
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  // The one line: bucketguard takes over retries (the SDK no longer retries underneath).
  s3.middlewareStack.use(bucketguard({ maxAttempts: 2, policy: { maxHintMs: 100 } }));
  return s3;
}

const aws = client(`http://127.0.0.1:${port}`);
const others = client(`http://127.0.0.1:${(fake.address() as AddressInfo).port}`);

const { CreateBucketCommand } = await import("@aws-sdk/client-s3");
await aws.send(new CreateBucketCommand({ Bucket: "photos" }));
await aws.send(new PutObjectCommand({ Bucket: "photos", Key: "cat.jpg", Body: "meow" }));
const got = await aws.send(new GetObjectCommand({ Bucket: "photos", Key: "cat.jpg" }));
console.log(
  `s3rver: read "${await got.Body?.transformToString()}" in ${got.$metadata.attempts} attempt(s)`,
);

const calls: [string, S3Client, string, string][] = [
  ["s3rver", aws, "photos", "missing.jpg"],
  ["R2", others, "r2", "k"],
  ["IBM COS", others, "ibm", "k"],
  ["Yandex", others, "yandex", "k"],
  ["Supabase S3", others, "supabase", "k"],
];
for (const [provider, s3, Bucket, Key] of calls) {
  try {
    await s3.send(new GetObjectCommand({ Bucket, Key }));
  } catch (err) {
    // One catch for every provider.
    if (!isStorageError(err)) throw err;
    switch (err.kind) {
      case "not_found":
        console.log(`${provider}: ${err.code}, missing ${err.resource ?? "something"}`);
        break;
      case "throttled":
        console.log(
          `${provider}: throttled, gave up (${err.gaveUp}) after ${err.attempts?.length} attempts`,
        );
        break;
      case "precondition_failed":
        console.log(
          `${provider}: ${err.code} (sent as "${String(err.providerCode)}"), not retried`,
        );
        break;
      default:
        console.log(
          `${provider}: ${err.kind} ${err.code} (retry class ${err.retry}), hint: ${err.hint ?? "-"}`,
        );
    }
  }
}

aws.destroy();
others.destroy();
fake.close();
await s3rver.close();
await rm(directory, { recursive: true, force: true });
