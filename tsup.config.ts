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
  // No source maps in the package: they were two thirds of the tarball. Syntax is minified, names
  // are kept (stack traces still name the functions). The ESM build keeps its line breaks, since
  // esbuild's white-space minifying drops the `@__PURE__` marks consumers' bundlers tree-shake
  // by; the CJS build, which bundlers do not tree-shake, is minified to one line.
  sourcemap: false,
  minifySyntax: true,
  esbuildOptions(options, context) {
    if (context.format === "cjs") options.minifyWhitespace = true;
  },
  target: "es2022",
  platform: "neutral",
  splitting: true,
  treeshake: true,
  external: [/^@aws-sdk\//, /^@smithy\//, /^@cloudflare\//, /^@supabase\//, "ioredis"],
});
