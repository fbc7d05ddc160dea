import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import { type FilesystemStore, makeWritesAtomic } from "./atomic-writes.js";

/** Options of `startS3Server`. */
export interface S3ServerOptions {
  /** Buckets created before the server answers, by name or with a CORS rule set. Default none. */
  buckets?: readonly (string | S3BucketSetup)[];
}

/** A bucket created at start, with its CORS configuration (S3 XML, `<CORSConfiguration>`). */
export interface S3BucketSetup {
  name: string;
  cors?: string;
}

/** A running s3rver. */
export interface S3Server {
  /** `http://127.0.0.1:<port>`, for `new S3Client({ endpoint, forcePathStyle: true })`. */
  endpoint: string;
  /** Stops the server and deletes its temporary directory. */
  close(): Promise<void>;
}

/** Credentials s3rver accepts. */
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

/**
 * Starts s3rver on 127.0.0.1, on a free port, storing objects in a fresh temporary directory
 * that `close()` removes. Logging is silenced. Writes replace an object atomically (see
 * `makeWritesAtomic`), so a GET racing a PUT never stalls.
 */
export async function startS3Server(options: S3ServerOptions = {}): Promise<S3Server> {
  const directory = await mkdtemp(join(tmpdir(), "bucketguard-s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    vhostBuckets: false,
    configureBuckets: (options.buckets ?? []).map((bucket) =>
      typeof bucket === "string"
        ? { name: bucket }
        : { name: bucket.name, configs: bucket.cors === undefined ? [] : [bucket.cors] },
    ),
  });
  makeWritesAtomic((server as unknown as { store: FilesystemStore }).store);
  const address = await server.run();
  let closed = false;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
