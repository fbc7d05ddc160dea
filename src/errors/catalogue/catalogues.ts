import { AWS_CATALOGUE } from "./aws.js";
import type { Catalogue } from "./catalogue.js";
import { CEPH_CATALOGUE } from "./ceph.js";
import { SUPABASE_REST } from "./find-supabase-row.js";
import { IBM_CATALOGUE } from "./ibm.js";
import { R2_CATALOGUE } from "./r2.js";
import { SUPABASE_CATALOGUE } from "./supabase.js";
import { YANDEX_CATALOGUE } from "./yandex.js";

// Plain object literals: a bundle that never reads one drops it and the tables only it names.

// Every provider's table. AWS is the S3 base dialect the others fall back on.
const EVERY_TABLE: Catalogue["tables"] = {
  aws: AWS_CATALOGUE,
  ceph: CEPH_CATALOGUE,
  r2: R2_CATALOGUE,
  ibm: IBM_CATALOGUE,
  yandex: YANDEX_CATALOGUE,
  supabase: SUPABASE_CATALOGUE,
};

/** Every provider's table, Supabase REST's labels and messages too: the core's `normalize`. */
export const ALL_TABLES: Catalogue = {
  tables: EVERY_TABLE,
  supabaseRest: SUPABASE_REST,
  built: {},
};

/**
 * The S3 dialects (AWS, Ceph RGW, R2's S3 API, IBM, Yandex, Supabase's S3 protocol), without
 * Supabase REST's labels and messages: `bucketguard/fetch`.
 */
export const S3_TABLES: Catalogue = { tables: EVERY_TABLE, built: {} };

/** R2's own table (the binding's numbers): `bucketguard/r2`. */
export const R2_TABLES: Catalogue = { tables: { r2: R2_CATALOGUE }, built: {} };

/** Supabase's table, labels and fixed messages: `bucketguard/supabase`. */
export const SUPABASE_TABLES: Catalogue = {
  tables: { supabase: SUPABASE_CATALOGUE },
  supabaseRest: SUPABASE_REST,
  built: {},
};
