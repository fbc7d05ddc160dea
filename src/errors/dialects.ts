import { ALL_TABLES, R2_TABLES, S3_TABLES, SUPABASE_TABLES } from "./catalogue/catalogues.js";
import { detectProvider } from "./detect-provider.js";
import type { Dialect } from "./dialect.js";
import { readAwsSdkError } from "./from-thrown/aws-sdk-error.js";
import { readR2BindingError } from "./from-thrown/r2-binding-error.js";
import { readStorageJsError, readSupabaseBody } from "./from-thrown/supabase-error.js";
import { parseS3Xml } from "./parse/s3-xml.js";
import { parseSupabaseJson } from "./parse/supabase-json.js";

// Plain object literals: a bundle keeps only the dialects it names, and their tables and parsers.

/** Everything: the core's `normalize` and `normalizeResponse`, and the AWS SDK plugin. */
export const ALL_DIALECTS: Dialect = {
  catalogue: ALL_TABLES,
  readers: [readStorageJsError, readAwsSdkError, readSupabaseBody, readR2BindingError],
  parseXml: parseS3Xml,
  parseJson: parseSupabaseJson,
  detectProvider,
};

/** S3 over fetch (`bucketguard/fetch`): XML (and Supabase S3 JSON) answers, network failures. */
export const S3_DIALECTS: Dialect = {
  catalogue: S3_TABLES,
  readers: [],
  parseXml: parseS3Xml,
  parseJson: parseSupabaseJson,
  detectProvider,
};

/** The R2 Workers binding (`bucketguard/r2`): its `Error` messages with numeric codes. */
export const R2_DIALECT: Dialect = {
  catalogue: R2_TABLES,
  readers: [readR2BindingError],
  provider: "r2",
};

/** Supabase Storage's REST API (`bucketguard/supabase`): JSON bodies and storage-js errors. */
export const SUPABASE_DIALECT: Dialect = {
  catalogue: SUPABASE_TABLES,
  readers: [readStorageJsError, readSupabaseBody],
  parseJson: parseSupabaseJson,
  provider: "supabase",
};
