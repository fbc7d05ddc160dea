import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createConsumerProject, ROOT, tsconfig } from "./consumer-project.js";

const WORKERS_GLOBALS = readFileSync(
  join(ROOT, "node_modules/@cloudflare/workers-types/index.d.ts"),
  "utf8",
);

describe("consumers type-check the built declarations", () => {
  it("in a Node project without the DOM lib (lib ES2022, types node)", async () => {
    const project = createConsumerProject({
      "tsconfig.json": tsconfig({ lib: ["ES2022"], types: ["node"] }),
      "main.ts": `
import { isStorageError, normalize, prepareReplayBody, withRetry } from "bucketguard";
import { guardFetch } from "bucketguard/fetch";
import { guardFetch as guardSupabase } from "bucketguard/supabase";
import { pRetryOptions } from "bucketguard/interop";
import { bucketguard } from "bucketguard/aws-sdk";
const err = normalize(new Error("x"));
export const values = [isStorageError(err), withRetry, guardFetch, guardSupabase, pRetryOptions, bucketguard];
export const body = prepareReplayBody("text", 10);
`,
    });
    try {
      expect(await project.typecheck()).toBe("");
    } finally {
      project.remove();
    }
  }, 300_000);

  it("in a Worker typed by `wrangler types` (global types, no @cloudflare/workers-types)", async () => {
    const project = createConsumerProject(
      {
        "tsconfig.json": tsconfig({
          lib: ["ES2022"],
          types: [],
          module: "ESNext",
          moduleResolution: "Bundler",
        }),
        "worker-configuration.d.ts": WORKERS_GLOBALS,
        "worker.ts": `
import { guardBucket } from "bucketguard/r2";
import { isStorageError } from "bucketguard";
interface Env { BUCKET: R2Bucket }
export default {
  async fetch(_request: Request, env: Env): Promise<Response> {
    const bucket: R2Bucket = guardBucket(env.BUCKET, { subrequestLimit: 50 });
    const object: R2ObjectBody | null = await bucket.get("k");
    await bucket.put("k", new ReadableStream(), { httpMetadata: { contentType: "text/plain" } });
    return new Response(object?.body ?? null, { status: isStorageError(object) ? 500 : 200 });
  },
};
// @ts-expect-error a string is not a bucket
guardBucket("not a bucket");
`,
      },
      ["@cloudflare/workers-types"],
    );
    try {
      expect(await project.typecheck()).toBe("");
    } finally {
      project.remove();
    }
  }, 300_000);

  it("in a project importing @cloudflare/workers-types as modules", async () => {
    const project = createConsumerProject({
      "tsconfig.json": tsconfig({ lib: ["ES2022", "DOM"], types: [] }),
      "worker.ts": `
import type { R2Bucket } from "@cloudflare/workers-types";
import { guardBucket } from "bucketguard/r2";
export async function read(binding: R2Bucket): Promise<string | undefined> {
  const bucket: R2Bucket = guardBucket(binding);
  const object = await bucket.get("k");
  return object?.text();
}
// @ts-expect-error a string is not a bucket
guardBucket("not a bucket");
`,
    });
    try {
      expect(await project.typecheck()).toBe("");
    } finally {
      project.remove();
    }
  }, 300_000);
});
