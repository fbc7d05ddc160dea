// bucketguard/supabase: a guarded fetch for @supabase/storage-js and supabase-js.
export type { SupabaseGuardOptions } from "./guard-fetch.js";
export { DEFAULT_MAX_REPLAY_BYTES, guardFetch } from "./guard-fetch.js";
export type { SupabaseResult } from "./unwrap.js";
export { unwrap } from "./unwrap.js";
