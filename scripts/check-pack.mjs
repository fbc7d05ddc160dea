// The published tarball stays small: `npm pack --dry-run --json`, packed size within budget.
import { execFileSync } from "node:child_process";

// The target is the ceiling: 150 KB packed (figures in docs/benchmarks.md).
const MAX_PACKED_BYTES = 150 * 1024;
const [pack] = JSON.parse(
  execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { encoding: "utf8" }),
);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const maps = pack.files.filter((file) => file.path.endsWith(".map"));
console.log(
  `${pack.filename}: ${kb(pack.size)} packed (budget ${kb(MAX_PACKED_BYTES)}), ${kb(pack.unpackedSize)} unpacked, ${pack.files.length} files`,
);
if (maps.length > 0) {
  console.error(`source maps are not shipped, found ${maps.map((f) => f.path).join(", ")}`);
  process.exit(1);
}
if (pack.size > MAX_PACKED_BYTES) {
  console.error(`packed size ${kb(pack.size)} exceeds its ${kb(MAX_PACKED_BYTES)} budget`);
  process.exit(1);
}
