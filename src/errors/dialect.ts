import type { Catalogue } from "./catalogue/catalogue.js";
import type { NormalizeContext } from "./context.js";
import type { ProviderSignals } from "./detect-provider.js";
import type { Provider } from "./kinds.js";
import type { S3XmlError } from "./parse/s3-xml.js";
import type { SupabaseBody } from "./parse/supabase-json.js";
import type { StorageError } from "./storage-error.js";

/** Classifies a wrapped original (storage-js's `originalError`); undefined once too deep. */
export type NestedClassifier = (
  inner: unknown,
  context: NormalizeContext | undefined,
) => StorageError | undefined;

/** Reads a thrown object of a shape its dialect knows; undefined for any other. */
export type ThrownReader = (
  error: object,
  context: NormalizeContext | undefined,
  catalogue: Catalogue,
  nested: NestedClassifier,
) => StorageError | undefined;

/**
 * What one normalizer understands: its catalogue, the thrown shapes it reads before the generic
 * reader (network errors, aborts, R2 binding messages), and the bodies it parses. The core's
 * `normalize` understands everything; each adapter's only what its providers send, so that its
 * bundle carries no other provider's table or parser.
 */
export interface Dialect {
  readonly catalogue: Catalogue;
  /** Tried in order before the generic reader. */
  readonly readers: readonly ThrownReader[];
  /** Reads S3 XML error documents, where the dialect has them. */
  readonly parseXml?: ((text: string) => S3XmlError | undefined) | undefined;
  /** Reads Supabase JSON error bodies, where the dialect has them. */
  readonly parseJson?: ((text: string) => SupabaseBody | undefined) | undefined;
  /** Tells who answered a response; without it, the caller's provider or `provider`. */
  readonly detectProvider?: ((signals: ProviderSignals) => Provider) | undefined;
  /** Who answers when the caller does not say and nothing is detected. */
  readonly provider?: Provider | undefined;
}
