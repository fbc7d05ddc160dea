import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** Bundles a test entry (and the parts of src it imports) into one ES module string. */
export async function bundleEntry(
  relativePath: string,
  platform: "browser" | "neutral",
): Promise<string> {
  const entry = fileURLToPath(new URL(relativePath, import.meta.url));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform,
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced no output for ${relativePath}`);
  return output.text;
}
