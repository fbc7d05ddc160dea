// Whether the radosgw suite runs here, and why not.
import { findMissingCommands } from "../../../scripts/rgw/rgw-server.js";

/** Why the suite cannot run on this machine, or undefined when it can. */
export function rgwUnavailableReason(): string | undefined {
  const missing = findMissingCommands();
  return missing.length === 0
    ? undefined
    : `not installed: ${missing.join(", ")} (Debian: apt-get install radosgw ceph-mon ceph-osd)`;
}

/** True in CI, where the suite must run and a missing server is a failure. */
export function isCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}
