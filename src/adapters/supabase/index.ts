// bucketguard/supabase: a guarded fetch for @supabase/storage-js and supabase-js.
export { DEFAULT_MAX_REPLAY_BYTES } from "../../index.js";
export { DEFAULT_STALL_TIMEOUT_MS } from "../shared/stall-limit.js";
export { guardFetch } from "./guard-fetch.js";
export type { GuardFetchOptions, SupabaseGuardOptions } from "./guard-fetch-options.js";
export type { SupabaseResult } from "./unwrap.js";
export { unwrap } from "./unwrap.js";
