// The buckets, objects and uploads the RGW cases run against, made once per suite.
import { randomUUID } from "node:crypto";
import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import type { RgwCredentials, RgwServer } from "../../../scripts/rgw/rgw-server.js";
import type { CaseWorld, RgwUser } from "./error-cases.js";

/** Credentials for each case user; the last two are wrong on purpose. */
export function credentialsOf(server: RgwServer, user: RgwUser): RgwCredentials {
  switch (user) {
    case "badKey":
      return { accessKeyId: "NOSUCHKEY00000000000", secretAccessKey: "x".repeat(40) };
    case "badSecret":
      return { ...server.users.tester, secretAccessKey: "y".repeat(40) };
    default:
      return server.users[user];
  }
}

/** Makes the world with plain (unguarded) clients of tester, oneBucket and quota. */
export async function makeWorld(
  server: RgwServer,
  clients: { tester: S3Client; oneBucket: S3Client; quota: S3Client },
): Promise<CaseWorld> {
  const run = randomUUID().slice(0, 8);
  const fresh = (label: string) => `bg-${label}-${randomUUID().slice(0, 8)}`;
  const bucket = `bg-main-${run}`;
  const foreignBucket = `bg-foreign-${run}`;
  const quotaBucket = `bg-quota-${run}`;
  const key = "hello.txt";
  const body = "hello world";
  const uploadKey = "upload.bin";
  await clients.tester.send(new CreateBucketCommand({ Bucket: bucket }));
  const { ETag } = await clients.tester.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }),
  );
  await clients.oneBucket.send(new CreateBucketCommand({ Bucket: foreignBucket }));
  await clients.quota.send(new CreateBucketCommand({ Bucket: quotaBucket }));
  await clients.quota.send(
    new PutObjectCommand({ Bucket: quotaBucket, Key: "one.txt", Body: "1" }),
  );
  const { UploadId } = await clients.tester.send(
    new CreateMultipartUploadCommand({ Bucket: bucket, Key: uploadKey }),
  );
  return {
    bucket,
    key,
    body,
    etag: ETag ?? "",
    foreignBucket,
    quotaBucket,
    uploadId: UploadId ?? "",
    uploadKey,
    fresh,
    maxPutBytes: server.maxPutBytes,
  };
}
