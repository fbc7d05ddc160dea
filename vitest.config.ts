import { configDefaults, defineConfig } from "vitest/config";
import { isCi, rgwUnavailableReason } from "./test/real/rgw/rgw-availability.js";

// The radosgw suite starts a real Ceph cluster; where its packages are missing (and only outside
// CI, where it must run) it is left out, with one line saying why.
const rgwReason = isCi() ? undefined : rgwUnavailableReason();
if (rgwReason !== undefined) console.log(`radosgw suite (test/real/rgw) left out: ${rgwReason}`);

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    exclude: [...configDefaults.exclude, ...(rgwReason === undefined ? [] : ["test/real/rgw/**"])],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
