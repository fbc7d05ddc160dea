// Supabase Storage with bucketguard: run with `npx tsx examples/supabase.ts`.
// A tiny loopback server stands in for storage-api and misbehaves the way the real one does.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { StorageClient } from "@supabase/storage-js";
// In your project: import { guardFetch, unwrap } from "bucketguard/supabase";
import { guardFetch, unwrap } from "../src/adapters/supabase/index.js";
// In your project: import { isStorageError } from "bucketguard";
import { isStorageError } from "../src/index.js";

const stored = new Map<string, { size: number; etag: string }>();
let listCalls = 0;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const path = new URL(req.url ?? "/", "http://localhost").pathname.replace("/storage/v1", "");
  if (path === "/object/list/docs") {
    // The first listing times out in the database: storage-api answers 544.
    if (++listCalls === 1) {
      send(res, 544, {
        statusCode: "544",
        error: "database_timeout",
        message: "Database timeout",
        code: "DatabaseTimeout",
      });
    } else send(res, 200, [{ name: "report.txt" }]);
    return;
  }
  if (req.method === "POST" && path === "/object/docs/report.txt") {
    if (stored.has("docs/report.txt")) {
      send(res, 400, {
        statusCode: "409",
        error: "Duplicate",
        message: "The resource already exists",
        code: "KeyAlreadyExists",
      });
      return;
    }
    // Stores the object, then loses the connection before answering.
    const bytes = Buffer.concat(chunks);
    // Like storage-api's file backend: the ETag is the quoted MD5 of the stored bytes.
    const etag = `"${createHash("md5").update(bytes).digest("hex")}"`;
    stored.set("docs/report.txt", { size: bytes.byteLength, etag });
    req.socket.destroy();
    return;
  }
  if (path === "/object/info/docs/report.txt" && stored.has("docs/report.txt")) {
    send(res, 200, {
      id: "7c1e0000-0000-4000-8000-000000000001",
      name: "report.txt",
      size: stored.get("docs/report.txt")?.size,
      etag: stored.get("docs/report.txt")?.etag,
    });
    return;
  }
  send(res, 400, {
    statusCode: "404",
    error: "not_found",
    message: "Object not found",
    code: "NoSuchKey",
  });
}

const server = createServer((req, res) => void handle(req, res));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as AddressInfo;

const fetch = guardFetch(undefined, {
  onRetry: ({ attempt, error, delayMs }) =>
    console.log(
      `  retry after attempt ${attempt}: ${error.kind} (${error.code}), waiting ${delayMs} ms`,
    ),
});
const storage = new StorageClient(
  `http://127.0.0.1:${port}/storage/v1`,
  { apikey: "anon-key" },
  fetch,
);

console.log("list (first answer: 544 DatabaseTimeout)");
const files = unwrap(await storage.from("docs").list());
console.log(`  listed: ${files.map((file) => file.name).join(", ")}`);

console.log("upload (first attempt lands but the connection drops; the retry sees Duplicate)");
const uploaded = unwrap(await storage.from("docs").upload("report.txt", "quarterly numbers"));
console.log(
  `  uploaded: ${uploaded.fullPath} (reconciled: the stored ETag is the MD5 of our bytes)`,
);

console.log("download of a missing file (400 with statusCode 404 inside: not retried)");
try {
  unwrap(await storage.from("docs").download("missing.txt"));
} catch (error) {
  if (isStorageError(error)) console.log(`  ${error.kind} ${error.code} status=${error.status}`);
  else throw error;
}

server.close();
