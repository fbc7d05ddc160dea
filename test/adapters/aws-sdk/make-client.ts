import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import { type BucketguardOptions, bucketguard } from "../../../src/adapters/aws-sdk/index.js";

/** The endpoint msw answers for in these tests (never contacted: msw intercepts). */
export const MSW_ENDPOINT = "http://s3.test.local";

/** An S3Client wired with bucketguard; retries wait 0 ms (random 0 under full jitter). */
export function makeClient(options: BucketguardOptions = {}, endpoint = MSW_ENDPOINT): S3Client {
  const client = bareClient({ endpoint });
  client.middlewareStack.use(bucketguard({ random: () => 0, ...options }));
  return client;
}

/** The same client on an in-process request handler (nothing listens at its endpoint). */
export function makeClientOn(
  requestHandler: S3ClientConfig["requestHandler"],
  options: BucketguardOptions = {},
): S3Client {
  const client = bareClient({ endpoint: "http://127.0.0.1:1", requestHandler });
  client.middlewareStack.use(bucketguard({ random: () => 0, ...options }));
  return client;
}

/** An S3Client without bucketguard (the SDK's own retries), configured as the ones above. */
export function bareClient(config: Pick<S3ClientConfig, "endpoint" | "requestHandler">): S3Client {
  return new S3Client({
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    ...config,
  });
}

/** An S3 XML error body, the way AWS writes it. */
export function s3Error(code: string, message: string, extra = ""): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${extra}<RequestId>4442587FB7D0A2F9</RequestId><HostId>host</HostId></Error>`;
}
