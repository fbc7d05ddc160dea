// Benchmark of normalize() / normalizeResponse(): `npm run bench:normalize [-- --from=src]`.
// Targets: < 2 µs per thrown error, < 10 µs per 1 KB body.
// The build in dist/ by default (what users run); the sources go through tsx's transform, which
// wraps closures in a naming helper and adds costs the published package does not have.
import { parseArgs } from "node:util";
import { NoSuchKey } from "@aws-sdk/client-s3";
import { Bench } from "tinybench";

type Core = typeof import("../src/index.js");
const { values } = parseArgs({ options: { from: { type: "string", default: "dist" } } });
const from = values.from === "src" ? "src" : "dist";
const specifier = from === "src" ? "../src/index.js" : "../dist/index.js";
const { normalize, normalizeResponse, StorageError }: Core = await import(specifier);

const sdkError = new NoSuchKey({
  message: "The specified key does not exist.",
  $metadata: {
    httpStatusCode: 404,
    requestId: "4442587FB7D0A2F9",
    attempts: 1,
    totalRetryDelay: 0,
  },
});
const r2Error = new Error("put: Reduce your concurrent request rate for the same object. (10058)");
const padding = "x".repeat(700);
const xmlBody = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>photos/2026/11/${padding}.jpg</Key><RequestId>4442587FB7D0A2F9</RequestId><HostId>hTy8mYmJ2pqXQ+kdQcS0o1OYt6qsVaZp2OmJwK5Ev2M=</HostId></Error>`;
const xmlHeaders = {
  "x-amz-request-id": "4442587FB7D0A2F9",
  "x-amz-id-2": "hTy8",
  server: "AmazonS3",
};
const supabaseBody =
  '{"statusCode":"404","error":"not_found","message":"Object not found","code":"NoSuchKey"}';
const tenMegabytes = new Uint8Array(10 * 1024 * 1024).fill(0x20);
tenMegabytes.set(new TextEncoder().encode("<Error><Code>SlowDown</Code></Error>"));
const levels = Array.from({ length: 10 }, (_, i) =>
  i === 0 ? '<!ENTITY l0 "lol">' : `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`,
).join("");
const entityBomb = `<?xml version="1.0"?><!DOCTYPE b [${levels}]><Error><Code>&l9;</Code></Error>`;

const bench = new Bench({ name: "normalize", time: 1_000 });
// Baselines: every result is a new Error subclass, so the cost of capturing a stack is the floor.
bench
  .add("baseline: new Error()", () => {
    new Error("The specified key does not exist.");
  })
  .add("baseline: new StorageError()", () => {
    new StorageError({
      kind: "not_found",
      code: "NoSuchKey",
      message: "The specified key does not exist.",
      retry: "never",
      provider: "aws",
      status: 404,
    });
  })
  .add("thrown AWS SDK NoSuchKey", () => {
    normalize(sdkError);
  })
  .add("thrown R2 binding message (10058)", () => {
    normalize(r2Error);
  })
  .add(`S3 XML body (${xmlBody.length} B)`, () => {
    normalizeResponse({ status: 404, headers: xmlHeaders, body: xmlBody });
  })
  .add(`Supabase JSON body (${supabaseBody.length} B)`, () => {
    normalizeResponse({
      status: 400,
      headers: { "content-type": "application/json" },
      body: supabaseBody,
    });
  })
  .add("10 MB byte body (prefix read)", () => {
    normalizeResponse({ status: 503, body: tenMegabytes });
  })
  .add(`XML entity bomb (${entityBomb.length} B)`, () => {
    normalizeResponse({ status: 400, body: entityBomb });
  });

await bench.run();

const cpus = (await import("node:os")).cpus().length;
const load = (await import("node:os")).loadavg()[0]?.toFixed(1);
console.log(
  `node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${cpus} cores, load ${load}, from ${from}`,
);
console.log("| case | mean (µs) | p50 (µs) | p99 (µs) | ops/s |");
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const task of bench.tasks) {
  const result = task.result;
  if (!("latency" in result)) {
    console.log(`| ${task.name} | failed: ${result.state} | | | |`);
    continue;
  }
  const us = (ms: number | undefined) => ((ms ?? 0) * 1_000).toFixed(2);
  const ops = Math.round(result.throughput.mean).toLocaleString("en-US");
  console.log(
    `| ${task.name} | ${us(result.latency.mean)} | ${us(result.latency.p50)} | ${us(result.latency.p99)} | ${ops} |`,
  );
}
