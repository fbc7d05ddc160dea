import type { R2Bucket } from "@cloudflare/workers-types";
import { Miniflare } from "miniflare";

const IDLE_WORKER = "export default { fetch() { return new Response('ok'); } };";

/** A Miniflare (real workerd) with one local R2 bucket bound as BUCKET. */
export interface R2Harness {
  mf: Miniflare;
  bucket: R2Bucket;
  dispose(): Promise<void>;
}

/** Starts Miniflare on 127.0.0.1, port 0, with `script` (an ES module Worker) or an idle one. */
export async function startMiniflare(script = IDLE_WORKER): Promise<R2Harness> {
  const mf = new Miniflare({
    modules: true,
    script,
    r2Buckets: ["BUCKET"],
    host: "127.0.0.1",
    port: 0,
    compatibilityDate: "2025-01-01",
  });
  await mf.ready;
  // Miniflare's proxy implements the binding's interface; its own types come from a copy of
  // workers-types, hence the cast.
  const bucket = (await mf.getR2Bucket("BUCKET")) as unknown as R2Bucket;
  return { mf, bucket, dispose: () => mf.dispose() };
}
