// Runs the example Worker in Miniflare (the real workerd runtime, a local R2 bucket):
//   npx tsx examples/r2-worker/run.ts
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";

const entry = fileURLToPath(new URL("./src/index.ts", import.meta.url));
const bundle = await build({ entryPoints: [entry], bundle: true, format: "esm", write: false });
const script = bundle.outputFiles[0]?.text ?? "";
const mf = new Miniflare({
  modules: true,
  script,
  r2Buckets: ["BUCKET"],
  host: "127.0.0.1",
  port: 0,
});

try {
  const url = "http://localhost/objects/hello.txt";
  const show = async (
    label: string,
    response: { status: number; text(): Promise<string> },
  ): Promise<void> => {
    console.log(`${label}: ${response.status} ${await response.text()}`);
  };
  await show("PUT", await mf.dispatchFetch(url, { method: "PUT", body: "Hello, R2!" }));
  await show("GET", await mf.dispatchFetch(url));
  const createOnly = { method: "PUT", body: "again", headers: { "if-none-match": "*" } };
  await show("PUT If-None-Match: *", await mf.dispatchFetch(url, createOnly));
  await show("DELETE", await mf.dispatchFetch(url, { method: "DELETE" }));
  await show("GET after delete", await mf.dispatchFetch(url));
} finally {
  await mf.dispose();
}
