import { KIND_HINTS } from "./catalogue/kind-hints.js";
import type {
  AttemptRecord,
  GaveUpReason,
  KindDetails,
  Provider,
  RetryClass,
  StorageErrorKind,
} from "./kinds.js";
import { redactSecrets } from "./redact.js";

const BRAND = /* @__PURE__ */ Symbol.for("bucketguard.StorageError");

type AllDetails = {
  -readonly [K in keyof UnionToIntersection<KindDetails[StorageErrorKind]>]?: UnionToIntersection<
    KindDetails[StorageErrorKind]
  >[K];
};
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;

/** What every {@link StorageError} carries, whatever its kind. */
export interface StorageErrorBase extends Error {
  /** What went wrong: `switch (err.kind)` narrows to the kind's own fields. */
  readonly kind: StorageErrorKind;
  /** Canonical S3-style code: `NoSuchKey` for R2's 10007, `PreconditionFailed` for Yandex's `Precondition Failed`. */
  readonly code: string;
  /** The status the provider meant (for Supabase the body's statusCode, not the HTTP 400). */
  readonly status?: number | undefined;
  /** How (and whether) a retry can help. */
  readonly retry: RetryClass;
  /** Who answered. */
  readonly provider: Provider;
  /** The provider's own code: R2's number, the raw code string (Supabase's old `error` label when it sent no code). */
  readonly providerCode?: string | number | undefined;
  /** The provider's request id, for support tickets. */
  readonly requestId?: string | undefined;
  /** One-line recommended fix. */
  readonly hint?: string | undefined;
  /** How long the provider asked us to wait, in milliseconds. */
  readonly retryAfterMs?: number | undefined;
  /** The operation that failed (`GetObject`, `put`, ...), when known. */
  readonly operation?: string | undefined;
  /** Each failed attempt, set when a retry loop gave up. */
  readonly attempts?: readonly AttemptRecord[] | undefined;
  /** Why a retry loop gave up. */
  readonly gaveUp?: GaveUpReason | undefined;
  /** The original error or response. */
  readonly cause?: unknown;
  /** The error as plain data, for logs: no cause, no secrets. */
  toJSON(): StorageErrorJSON;
}

/** A {@link StorageError} of one kind, with that kind's own fields. */
export type StorageErrorOf<K extends StorageErrorKind> = StorageErrorBase & {
  /** The one kind this error has, so its details are `KindDetails[K]`. */
  readonly kind: K;
} & KindDetails[K];

/** A {@link StorageError} of any of the kinds `K`: a union, one member per kind. */
export type StorageErrorOfKinds<K extends StorageErrorKind> = { [P in K]: StorageErrorOf<P> }[K];

/** The one error type of bucketguard: a union over `kind`, so `switch (err.kind)` narrows. */
export type StorageError = { [K in StorageErrorKind]: StorageErrorOf<K> }[StorageErrorKind];

/**
 * Plain-data form of a StorageError, as `toJSON()` returns it (no cause, no secrets): the
 * fields of {@link StorageErrorBase} that are set, plus the kind's own details.
 */
export type StorageErrorJSON = {
  /** The error's `name`: the canonical code, or the original error's name (`TimeoutError`). */
  name: string;
  /** What went wrong. */
  kind: StorageErrorKind;
  /** Canonical S3-style code (`NoSuchKey`, `SlowDown`). */
  code: string;
  /** The error's message, secrets redacted. */
  message: string;
  /** How (and whether) a retry can help. */
  retry: RetryClass;
  /** Who answered. */
  provider: Provider;
  /** The status the provider meant (for Supabase the body's statusCode), when there was one. */
  status?: number;
  /** The provider's own code (R2's number, the raw code string). */
  providerCode?: string | number;
  /** The provider's request id, for support tickets. */
  requestId?: string;
  /** One-line recommended fix. */
  hint?: string;
  /** How long the provider asked to wait, in milliseconds. */
  retryAfterMs?: number;
  /** The operation that failed (`GetObject`, `put`, ...), when known. */
  operation?: string;
  /** Each failed attempt, when a retry loop gave up. */
  attempts?: readonly AttemptRecord[];
  /** Why a retry loop gave up. */
  gaveUp?: GaveUpReason;
} & AllDetails;

/** The fields every {@link StorageErrorInit} has, whatever its kind. */
export interface StorageErrorInitBase {
  /** The canonical code (`NoSuchKey`); also the error's `name` unless `name` is given. */
  code: string;
  /** Human-readable description; secrets in it are redacted. */
  message: string;
  /** How (and whether) a retry can help. */
  retry: RetryClass;
  /** Who answered. */
  provider: Provider;
  /** Defaults to `code`; set to the original error's name (`NoSuchKey`, `TimeoutError`). */
  name?: string | undefined;
  /** The status the provider meant. */
  status?: number | undefined;
  /** The provider's own code: R2's number, Supabase's `error` label, the raw code string. */
  providerCode?: string | number | undefined;
  /** The provider's request id, for support tickets. */
  requestId?: string | undefined;
  /** One-line recommended fix. */
  hint?: string | undefined;
  /** How long the provider asked to wait, in milliseconds. */
  retryAfterMs?: number | undefined;
  /** The operation that failed (`GetObject`, `put`, ...). */
  operation?: string | undefined;
  /** Each failed attempt, when a retry loop gave up. */
  attempts?: readonly AttemptRecord[] | undefined;
  /** Why a retry loop gave up. */
  gaveUp?: GaveUpReason | undefined;
  /** The original error or response, kept as the error's `cause` (redacted when it holds secrets). */
  cause?: unknown;
}

/** The details of kind `K` (all optional), and no other kind's: those may only be undefined. */
export type KindDetailsInit<K extends StorageErrorKind> = {
  -readonly [P in keyof KindDetails[K]]?: KindDetails[K][P];
} & { [P in Exclude<keyof AllDetails, keyof KindDetails[K]>]?: undefined };

/**
 * Everything needed to build a StorageError of kind `K`. With one kind (`kind: "clock_skew"`)
 * only that kind's details are accepted (`serverTime`, `skewMs`); with a kind only known as a
 * union of kinds (`StorageErrorKind`, the default) every kind's details are.
 */
export type StorageErrorInit<K extends StorageErrorKind = StorageErrorKind> =
  StorageErrorInitBase & {
    /** What went wrong; decides which details the error may carry. */
    kind: K;
  } & ([UnionToIntersection<K>] extends [never] ? AllDetails : KindDetailsInit<K>);

const DETAIL_KEYS = [
  "resource",
  "bucket",
  "key",
  "uploadId",
  "maxSize",
  "proposedSize",
  "actualSize",
  "rangeRequested",
  "serverTime",
  "skewMs",
  "region",
  "endpoint",
] as const satisfies readonly (keyof AllDetails)[];

const SCALAR_KEYS = [
  "status",
  "providerCode",
  "requestId",
  "hint",
  "retryAfterMs",
  "operation",
  "attempts",
  "gaveUp",
] as const;

// The stack of every error that borrows its cause's frames (no own `stack`), built on first read.
const borrowedStacks = new WeakMap<object, string>();
const BORROWED_STACK: PropertyDescriptor = /* @__PURE__ */ Object.freeze({
  get(this: StorageErrorBase): string {
    let stack = borrowedStacks.get(this);
    if (stack === undefined) {
      stack = `${this.name}: ${this.message}${framesOf(this.cause)}`;
      borrowedStacks.set(this, stack);
    }
    return stack;
  },
  set(this: StorageErrorBase, value: string): void {
    borrowedStacks.set(this, value);
  },
  enumerable: false,
  configurable: true,
});

class StorageErrorImpl extends Error {
  declare readonly kind: StorageErrorKind;
  declare readonly code: string;
  declare readonly retry: RetryClass;
  declare readonly provider: Provider;

  constructor(init: StorageErrorInit) {
    // Capturing a stack is most of the cost of an Error. When the cause has a stack of its own
    // (a thrown error being normalized), that stack is where the failure happened: borrow its
    // frames instead of capturing ours.
    const borrowStack = hasStack(init.cause);
    const limits = Error as { stackTraceLimit?: number };
    const limit = limits.stackTraceLimit;
    if (borrowStack) limits.stackTraceLimit = 0;
    try {
      super(
        redactSecrets(init.message),
        init.cause === undefined ? undefined : { cause: init.cause },
      );
    } finally {
      if (borrowStack) limits.stackTraceLimit = limit;
    }
    // Removing the own `stack` uncovers the prototype's accessor, which builds the borrowed
    // stack on first read. (The delete leaves the error with dictionary properties; measured,
    // that is still about half the cost of a per-instance defineProperty.)
    if (borrowStack) delete this.stack;
    this.name = redactSecrets(init.name ?? init.code, 128);
    const self = this as unknown as Record<string, unknown>;
    self.kind = init.kind;
    self.code = redactSecrets(init.code, 128);
    self.retry = init.retry;
    self.provider = init.provider;
    // Every error says what to do: its own hint, else its kind's generic one.
    self.hint = KIND_HINTS[init.kind];
    for (const key of SCALAR_KEYS) {
      const value = init[key];
      if (value !== undefined) self[key] = typeof value === "string" ? redactSecrets(value) : value;
    }
    for (const key of DETAIL_KEYS) {
      const value = init[key];
      if (value !== undefined) self[key] = typeof value === "string" ? redactSecrets(value) : value;
    }
    // `cause` was set by Error itself (non-enumerable: out of JSON and spreads).
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return isStorageError(value);
  }

  toJSON(): StorageErrorJSON {
    const self = this as unknown as Record<string, unknown>;
    const json: Record<string, unknown> = {
      name: this.name,
      kind: this.kind,
      code: this.code,
      message: this.message,
      retry: this.retry,
      provider: this.provider,
    };
    for (const key of [...SCALAR_KEYS, ...DETAIL_KEYS]) {
      if (self[key] !== undefined) json[key] = self[key];
    }
    return json as StorageErrorJSON;
  }
}

function hasStack(value: unknown): boolean {
  // `in`, not a read: reading `stack` would make V8 format the cause's trace now.
  if (typeof value !== "object" || value === null) return false;
  try {
    return "stack" in value;
  } catch {
    return false; // a Proxy's `has` trap may throw
  }
}

// Only the "    at ..." lines: the cause's first lines repeat its message, which may hold secrets.
function framesOf(cause: unknown): string {
  if (!hasStack(cause)) return "";
  let stack: unknown;
  try {
    stack = (cause as { stack?: unknown }).stack;
  } catch {
    return "";
  }
  if (typeof stack !== "string") return "";
  const frames = stack.split("\n").filter((line) => /^\s+at\s/.test(line));
  return frames.length > 0 ? `\n${frames.join("\n")}` : "";
}

/** Constructor side of {@link StorageError}; `instanceof` matches copies of the class from any bundle. */
export interface StorageErrorConstructor {
  /** Builds an error of `init.kind`; redacts secrets from the message, name and string fields. */
  new <K extends StorageErrorKind>(init: StorageErrorInit<K>): StorageErrorOfKinds<K>;
  /** The prototype every StorageError shares; it carries the brand `isStorageError` checks. */
  readonly prototype: StorageError;
  /** Makes `instanceof StorageError` true for a StorageError from any copy of bucketguard (the `isStorageError` brand check). */
  [Symbol.hasInstance](value: unknown): boolean;
}

// On the prototype, not each instance: one brand check for copies of the class from any bundle.
// Done in a pure-annotated call rather than a static block, so a bundle that never builds an
// error (importing only isStorageError) drops the class.
function brandPrototype(impl: typeof StorageErrorImpl): StorageErrorConstructor {
  Object.defineProperty(impl.prototype, BRAND, { value: true });
  Object.defineProperty(impl.prototype, "stack", BORROWED_STACK);
  return impl as unknown as StorageErrorConstructor;
}

/** The StorageError class. Use `normalize()` to build one from anything thrown. */
export const StorageError: StorageErrorConstructor =
  /* @__PURE__ */ brandPrototype(StorageErrorImpl);

/** True for a StorageError from any copy of bucketguard (checks a `Symbol.for` brand, never `name`). */
export function isStorageError(value: unknown): value is StorageError {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<symbol, unknown>)[BRAND] === true
  );
}

/** Records a retry loop's outcome on the error it surfaces. Internal to the engine. */
export function markGaveUp(
  error: StorageError,
  attempts: readonly AttemptRecord[],
  gaveUp: GaveUpReason,
): StorageError {
  const self = error as unknown as Record<string, unknown>;
  self.attempts = attempts;
  self.gaveUp = gaveUp;
  return error;
}
