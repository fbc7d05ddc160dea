// The published tarball stays small: `npm pack --dry-run --json`, packed size within budget.
import { execFileSync } from "node:child_process";

// 150 KB is the target; the ceiling leaves room for the declarations' TSDoc (every public member
// documented), which took the packed size from 149.5 to about 158 KB.
const TARGET_PACKED_BYTES = 150 * 1024;
const MAX_PACKED_BYTES = 160 * 1024;
const [pack] = JSON.parse(
  execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { encoding: "utf8" }),
);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const maps = pack.files.filter((file) => file.path.endsWith(".map"));
console.log(
  `${pack.filename}: ${kb(pack.size)} packed, ${kb(pack.unpackedSize)} unpacked, ${pack.files.length} files`,
);
if (maps.length > 0) {
  console.error(`source maps are not shipped, found ${maps.map((f) => f.path).join(", ")}`);
  process.exit(1);
}
if (pack.size > TARGET_PACKED_BYTES) {
  console.log(`over its target of ${kb(TARGET_PACKED_BYTES)}`);
}
if (pack.size > MAX_PACKED_BYTES) {
  console.error(`packed size ${kb(pack.size)} exceeds the ${kb(MAX_PACKED_BYTES)} ceiling`);
  process.exit(1);
}
