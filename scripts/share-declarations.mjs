// After tsup: the ESM declarations re-export the CommonJS ones instead of repeating them, and the
// CLI's CommonJS build is dropped (its bin is dist/cli.js). The two declaration sets were the same
// text: shipping one takes a sixth off the packed tarball.
import { readdirSync, rmSync, writeFileSync } from "node:fs";

const ENTRIES = ["index", "aws-sdk", "r2", "supabase", "fetch", "otel", "interop", "redis"];

for (const file of readdirSync("dist")) {
  const entry = ENTRIES.find((name) => file === `${name}.d.ts`);
  if (entry !== undefined) {
    writeFileSync(`dist/${file}`, `export * from "./${entry}.cjs";\n`);
  } else if (file.endsWith(".d.ts") || (file.startsWith("cli.") && file !== "cli.js")) {
    rmSync(`dist/${file}`);
  }
}
