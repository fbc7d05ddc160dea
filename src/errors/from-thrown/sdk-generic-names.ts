/**
 * Names the AWS SDK v3 gives an exception when the answer had no error code to read (a HEAD, a
 * 304, an empty or non-XML body), so the status says more than the name:
 * - the schema-based serde (2025 on): `NotFound` for a 404, `Unknown` otherwise;
 * - the generated deserializers before it: `NotFound` for a 404, else the status as a string
 *   (`"403"`); their last resort, `UnknownError`, is also a code radosgw sends (500), so it is
 *   kept as a code: both read the same through the status;
 * - older releases: an empty name or `Error`;
 * - other SDKs and proxies name them after the status text (`Forbidden`, `BadRequest`, ...).
 * A real S3 code is never one of these, so every other name is trusted as the wire code.
 */
const GENERIC_NAMES: ReadonlySet<string> = new Set([
  "",
  "Error",
  "Unknown",
  "NotFound",
  "Forbidden",
  "BadRequest",
  "NotModified",
  "MovedPermanently",
]);

/** True when `name` is one of the SDK's placeholders for an answer without a code. */
export function isGenericSdkName(name: string | undefined): boolean {
  return name === undefined || GENERIC_NAMES.has(name) || /^\d{3}$/.test(name);
}
