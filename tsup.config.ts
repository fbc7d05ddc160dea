import { readFileSync, writeFileSync } from "node:fs";
import { defineConfig } from "tsup";
import { compactModule } from "./scripts/compact-module";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    "aws-sdk": "src/adapters/aws-sdk/index.ts",
    r2: "src/adapters/r2/index.ts",
    supabase: "src/adapters/supabase/index.ts",
    fetch: "src/adapters/fetch/index.ts",
    otel: "src/otel/index.ts",
    cli: "src/cli/main.ts",
    interop: "src/interop/index.ts",
    redis: "src/redis/index.ts",
  },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  // No source maps in the package: they were two thirds of the tarball. Syntax is minified, names
  // are kept (stack traces still name the functions). White space is taken out of every built
  // file by `compactModule`, not by esbuild, whose white-space minifying drops the `@__PURE__`
  // marks consumers' bundlers tree-shake by.
  sourcemap: false,
  minifySyntax: true,
  plugins: [
    {
      name: "compact",
      async buildEnd({ writtenFiles }) {
        for (const { name } of writtenFiles) {
          if (/\.c?js$/.test(name)) writeFileSync(name, compactModule(readFileSync(name, "utf8")));
        }
      },
    },
  ],
  target: "es2022",
  platform: "neutral",
  splitting: true,
  treeshake: true,
  external: [/^@aws-sdk\//, /^@smithy\//, /^@cloudflare\//, /^@supabase\//, "ioredis"],
});
