import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

/** What s3rver's filesystem store hands to `putObject`. */
interface StoredObject {
  bucket: string;
  key: string;
  metadata: Record<string, string>;
  content: Buffer | NodeJS.ReadableStream;
}

/** The parts of s3rver's FilesystemStore this module replaces or calls. */
export interface FilesystemStore {
  getResourcePath(bucket: string, key: string, resource: string): string;
  putMetadata(bucket: string, key: string, metadata: unknown, md5: string): Promise<void>;
  putObject(object: StoredObject): Promise<{ size: number; md5: string }>;
}

let writes = 0;

/**
 * Makes s3rver replace an object's bytes atomically. Its own `putObject` truncates the file in
 * place, so a GET that races a PUT of the same key declares the old Content-Length and then
 * reads a file being rewritten: it sends fewer bytes and leaves the connection open and silent
 * (9 stalled bodies in 62 GETs racing 2 writers, measured). Real servers do not do that; the
 * deliberate `stall` fault of the proxy does. The bytes go to a `.partial` file, then a rename.
 */
export function makeWritesAtomic(store: FilesystemStore): void {
  store.putObject = async (object) => {
    const objectPath = store.getResourcePath(object.bucket, object.key, "object");
    await mkdir(dirname(objectPath), { recursive: true });
    // Not an object to s3rver: its listing keeps only names ending in `._S3rver_object`.
    const partial = `${objectPath}.${++writes}.partial`;
    const md5 = createHash("md5");
    let size = 0;
    if (Buffer.isBuffer(object.content)) {
      md5.update(object.content);
      size = object.content.length;
      await writeFile(partial, object.content);
    } else {
      const count = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          md5.update(chunk);
          size += chunk.length;
          callback(null, chunk);
        },
      });
      await pipeline(object.content, count, createWriteStream(partial));
    }
    await rename(partial, objectPath);
    const digest = md5.digest("hex");
    await store.putMetadata(object.bucket, object.key, object.metadata, digest);
    return { size, md5: digest };
  };
}
