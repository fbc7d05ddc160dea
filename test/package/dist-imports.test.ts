import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SMITHY_CONTEXT_KEY } from "@smithy/types";
import { describe, expect, it } from "vitest";
import { SMITHY_CONTEXT_KEY as INLINED_KEY } from "../../src/adapters/aws-sdk/sdk-context.js";
import { ROOT } from "./consumer-project.js";

describe("the build imports at run time only what the peers declare", () => {
  it("keeps the inlined smithy context key equal to @smithy/types' constant", () => {
    expect(INLINED_KEY).toBe(SMITHY_CONTEXT_KEY);
  });

  it.each(["aws-sdk.js", "aws-sdk.cjs"])("dist/%s imports no @smithy package", (file) => {
    const text = readFileSync(join(ROOT, "dist", file), "utf8");
    expect(text).not.toMatch(/(?:from\s*|require\(\s*|import\(\s*)["']@smithy\//);
  });

  it("imports no @supabase or @cloudflare package anywhere", () => {
    for (const file of ["index.js", "r2.js", "supabase.js", "fetch.js", "interop.js"]) {
      const text = readFileSync(join(ROOT, "dist", file), "utf8");
      expect(text, file).not.toMatch(/["']@(?:supabase|cloudflare)\//);
    }
  });
});
