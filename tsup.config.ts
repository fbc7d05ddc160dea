import { defineConfig } from "tsup";

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
  // No source maps in the package: the output is unminified, readable ES2022 close to the
  // sources, and the maps were two thirds of the tarball.
  sourcemap: false,
  target: "es2022",
  platform: "neutral",
  splitting: true,
  treeshake: true,
  external: [/^@aws-sdk\//, /^@smithy\//, /^@cloudflare\//, /^@supabase\//, "ioredis"],
});
