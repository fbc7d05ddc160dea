/**
 * The status Supabase's error-code docs give, for the codes whose server sends another (the
 * catalogue rows carry what the server sends). Documentation only: read by the docs generator
 * and the seed tests, never by `normalize`, so that no bundle carries it.
 */
export const SUPABASE_DOCUMENTED_STATUSES: Readonly<Record<string, number>> = {
  InvalidJWT: 401,
  TenantNotFound: 404,
  InvalidRange: 416,
  InvalidMimeType: 400,
  DatabaseTimeout: 504,
  InvalidSignature: 403,
  MissingContentLength: 411,
  InvalidUploadSignature: 403,
  LockTimeout: 423,
  SlowDown: 503,
};
