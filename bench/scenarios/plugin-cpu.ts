import { Readable } from "node:stream";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { HttpHandlerOptions, HttpRequest, HttpResponse } from "@smithy/types";
import type { BucketguardFactory } from "./load-adapters.js";
import { median } from "./measure.js";
import { fixed, type ScenarioEnv, type ScenarioResult } from "./scenario.js";

const ROUNDS = 21;
const CALLS_PER_ROUND = 1000;
const BODY = new Uint8Array(1024).fill(97);
const HEADERS = {
  "content-length": String(BODY.byteLength),
  "content-type": "application/octet-stream",
  etag: '"0f343b0931126a20f133d67c2b018a3b"',
  "last-modified": "Tue, 01 Dec 2026 00:00:00 GMT",
  "x-amz-request-id": "4442587FB7D0A2F9",
};

/**
 * An in-process request handler: no socket, every GetObject answered 200 with 1 KiB. The body
 * is a Readable already holding every byte and its end, as a Node IncomingMessage is once a small
 * response has arrived in one read.
 */
export const stubHandler = {
  async handle(
    _request: HttpRequest,
    _options?: HttpHandlerOptions,
  ): Promise<{ response: HttpResponse }> {
    const body = new Readable({ read() {} });
    body.push(BODY);
    body.push(null);
    return { response: { statusCode: 200, headers: { ...HEADERS }, body } };
  },
  updateHttpClientConfig() {},
  httpHandlerConfigs: () => ({}),
};

/** An S3Client on the stub handler, with or without the plugin. */
export function createStubClient(plugin?: BucketguardFactory): S3Client {
  const client = new S3Client({
    region: "us-east-1",
    endpoint: "http://127.0.0.1:1",
    forcePathStyle: true,
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    requestHandler: stubHandler,
  });
  if (plugin) client.middlewareStack.use(plugin());
  return client;
}

/** CPU time (user + system) the process spent on `count` calls, in milliseconds. */
async function timeCalls(client: S3Client, count: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const out = await client.send(new GetObjectCommand({ Bucket: "bench", Key: `k${i % 10}` }));
    await out.Body?.transformToByteArray();
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Scenario 7: the plugin's own CPU. The SDK's whole stack (serialize, endpoint, sign,
 * deserialize) on an in-process stub handler, so what differs between the two clients is the
 * plugin's work against the SDK retry middleware it replaces. CPU time, not wall time (other
 * processes on the machine then count far less); interleaved rounds, order alternating; the
 * median of the per-round ratios.
 */
export async function runPluginCpu(env: ScenarioEnv): Promise<ScenarioResult> {
  const bare = createStubClient();
  const guarded = env.bucketguard.ok ? createStubClient(env.bucketguard.value) : undefined;
  const clients = guarded ? { bare, guarded } : { bare };
  const perCallUs: Record<string, number[]> = {};
  const extraUs: number[] = [];
  const ratios: number[] = [];
  try {
    for (const client of Object.values(clients)) await timeCalls(client, 2000);
    for (let round = 0; round < ROUNDS; round++) {
      const entries = Object.entries(clients);
      const order = round % 2 === 0 ? entries : entries.reverse();
      const totals: Record<string, number> = {};
      for (const [name, client] of order) totals[name] = await timeCalls(client, CALLS_PER_ROUND);
      for (const [name, ms] of Object.entries(totals)) {
        perCallUs[name] = [...(perCallUs[name] ?? []), (ms / CALLS_PER_ROUND) * 1000];
      }
      const [a, b] = [totals.bare, totals.guarded];
      if (a !== undefined && b !== undefined) {
        ratios.push(b / a);
        extraUs.push(((b - a) / CALLS_PER_ROUND) * 1000);
      }
      env.log(`plugin cpu round ${round + 1}/${ROUNDS}`);
    }
  } finally {
    bare.destroy();
    guarded?.destroy();
  }
  const row = (contender: string, name: string, isPlugin: boolean) => {
    const us = median(perCallUs[name] ?? []);
    return {
      contender,
      value: us,
      cells: {
        "median CPU us/call": fixed(us, 1),
        "ratio to bare SDK": isPlugin ? fixed(median(ratios), 3) : "1.000",
        "extra us/call": isPlugin ? fixed(median(extraUs), 1) : "0.0",
      },
    };
  };
  return {
    title: `8. The plugin's own CPU: ${CALLS_PER_ROUND} sequential 1 KiB GetObjects x ${ROUNDS} interleaved rounds, the SDK's whole stack on an in-process stub handler (no socket)`,
    target: "bucketguard / bare SDK <= 1.02, <= 6 us per call (median of rounds)",
    columns: ["median CPU us/call", "ratio to bare SDK", "extra us/call"],
    metric: "median CPU us per GetObject",
    notes: guarded ? [] : ["bucketguard not loaded: ratio pending"],
    rows: [
      row("sdk-default", "bare", false),
      ...(guarded ? [row("bucketguard", "guarded", true)] : []),
    ],
  };
}
