// Node-only test and benchmark server: s3rver behind a fault-injecting proxy.

export { createPrng } from "../shared/prng.js";
export type { Dialect, ErrorName } from "./dialects.js";
export { DIALECTS, renderError } from "./dialects.js";
export type { FaultProxy, FaultProxyOptions } from "./fault-proxy.js";
export { startFaultProxy } from "./fault-proxy.js";
export type { FaultStats } from "./fault-stats.js";
export type { Fault, FaultPlan, FaultRequest, RandomFaults, ScriptedFault } from "./faults.js";
export type { S3BucketSetup, S3Server, S3ServerOptions } from "./s3-server.js";
export { S3RVER_CREDENTIALS, startS3Server } from "./s3-server.js";
