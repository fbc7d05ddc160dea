// The AWS SDK plugin's middleware alone: `npm run bench:plugin [-- --from=src]`.
// Its handler is called as the SDK's finalize step calls it, with a `next` that answers at once
// (no signing, no serializing, no HTTP): what remains is the plugin's own work on a successful
// GetObject, against calling that `next` directly. CPU time, median of rounds.
import { parseArgs } from "node:util";
import type { FinalizeHandlerArguments, HandlerExecutionContext } from "@smithy/types";

type AwsSdk = typeof import("../src/adapters/aws-sdk/index.js");
const { values } = parseArgs({
  options: { from: { type: "string", default: "dist" }, rounds: { type: "string", default: "9" } },
});
const specifier = values.from === "src" ? "../src/adapters/aws-sdk/index.js" : "../dist/aws-sdk.js";
const { bucketguard }: AwsSdk = await import(specifier);

type Handler = (args: FinalizeHandlerArguments<object>) => Promise<unknown>;
type Middleware = (next: Handler, context: HandlerExecutionContext) => Handler;

function middlewareOf(options: Parameters<AwsSdk["bucketguard"]>[0]): Middleware {
  let found: Middleware | undefined;
  bucketguard(options).applyToStack({
    add(middleware: unknown) {
      found = middleware as Middleware;
    },
  } as never);
  if (found === undefined) throw new Error("the plugin added no middleware");
  return found;
}

/** A context shaped as the SDK's: the selected auth scheme and the resolved config. */
const config = { systemClockOffset: 0, requestHandler: { handle: async () => ({}) } };
const context = {
  commandName: "GetObjectCommand",
  __smithy_context: {
    selectedHttpAuthScheme: {
      identity: {},
      httpAuthOption: { signingProperties: { config, signingRegion: "us-east-1" } },
    },
  },
} as unknown as HandlerExecutionContext;
const input = { Bucket: "bench", Key: "k1" };

/** What the deserialize step hands back for a small GetObject whose body has fully arrived. */
const next: Handler = async () => ({
  response: { statusCode: 200, headers: {} },
  output: {
    $metadata: { httpStatusCode: 200 },
    Body: { pipe() {}, [Symbol.asyncIterator]() {}, complete: true },
    ContentLength: 1024,
    ETag: '"0f343b0931126a20f133d67c2b018a3b"',
  },
});

function request() {
  return {
    method: "GET",
    protocol: "http:",
    hostname: "127.0.0.1",
    port: 1,
    path: "/bench/k1",
    query: {},
    headers: { host: "127.0.0.1:1", "user-agent": "bench" },
  };
}

async function cpuNsPerCall(handler: Handler, calls: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) await handler({ input, request: request() });
  const used = process.cpuUsage(start);
  return ((used.user + used.system) * 1000) / calls;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const CALLS = 100_000;
const variants: [string, Handler][] = [
  ["next alone", next],
  ["plugin, defaults", middlewareOf({})(next, context)],
  ["plugin, stallTimeoutMs: Infinity", middlewareOf({ stallTimeoutMs: Infinity })(next, context)],
  ["plugin, attemptTimeoutMs: 5000", middlewareOf({ attemptTimeoutMs: 5000 })(next, context)],
];
const perVariant = new Map<string, number[]>();
for (const [, handler] of variants) await cpuNsPerCall(handler, 20_000);
for (let round = 0; round < Number(values.rounds); round++) {
  for (const [name, handler] of variants) {
    perVariant.set(name, [...(perVariant.get(name) ?? []), await cpuNsPerCall(handler, CALLS)]);
  }
}
const baseline = median(perVariant.get("next alone") ?? []);
console.log(`${CALLS} calls x ${values.rounds} rounds, ${values.from}, Node ${process.version}`);
console.log("variant                            CPU ns/call   plugin's own ns/call");
for (const [name] of variants) {
  const ns = median(perVariant.get(name) ?? []);
  const own = name === "next alone" ? "" : (ns - baseline).toFixed(0);
  console.log(`${name.padEnd(34)} ${ns.toFixed(0).padStart(11)}   ${own.padStart(20)}`);
}
