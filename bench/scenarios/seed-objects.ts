import { PutObjectCommand } from "@aws-sdk/client-s3";
import { createS3Client } from "./s3-clients.js";

/** Writes `count` objects `<prefix><i>` of `sizeBytes` each, straight to s3rver. */
export async function seedObjects(
  endpoint: string,
  bucket: string,
  prefix: string,
  count: number,
  sizeBytes: number,
): Promise<void> {
  const client = createS3Client({ endpoint, mode: "sdk-default" });
  const body = new Uint8Array(sizeBytes).fill(97);
  try {
    for (let i = 0; i < count; i++) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: `${prefix}${i}`, Body: body }));
    }
  } finally {
    client.destroy();
  }
}
