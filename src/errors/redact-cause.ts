import type { ResponseLike } from "./context.js";
import { redactSecrets, SECRET_FIELD_NAMES } from "./redact.js";

/** Longest string kept in a redacted clone, in characters (stacks are long). */
const MAX_CLONE_STRING = 16_384;

/**
 * The `cause` to keep for an original error. When it carries secrets (the AWS SDK copies
 * StringToSign, CanonicalRequest, `Token-0`, SignatureProvided onto its exceptions), returns a
 * clone with the same prototype and own properties, secrets replaced; the caller's object is
 * never modified. Otherwise returns the original. A string cause is redacted.
 */
export function redactCause(original: unknown): unknown {
  if (typeof original === "string") return redactSecrets(original, MAX_CLONE_STRING);
  if (typeof original !== "object" || original === null) return original;
  try {
    return cloneWithoutSecrets(original);
  } catch {
    // A Proxy or exotic object that refuses to be read: nothing of it can be copied.
    return original;
  }
}

function redactDescriptor(name: string, descriptor: PropertyDescriptor): boolean {
  if (!("value" in descriptor)) return false;
  const value: unknown = descriptor.value;
  if (SECRET_FIELD_NAMES.has(name) && value !== undefined) {
    descriptor.value = "[REDACTED]";
    return true;
  }
  if (typeof value !== "string") return false;
  const clean = redactSecrets(value, MAX_CLONE_STRING);
  if (clean === value) return false;
  descriptor.value = clean;
  return true;
}

function cloneWithoutSecrets(original: object): unknown {
  // `stack` is formatted lazily by V8 and costly to read: it repeats the message, so it is
  // only redacted when another property held a secret.
  let dirty = false;
  for (const name of Object.getOwnPropertyNames(original)) {
    if (name === "stack") continue;
    const descriptor = Object.getOwnPropertyDescriptor(original, name);
    if (descriptor !== undefined && redactDescriptor(name, descriptor)) {
      dirty = true;
      break;
    }
  }
  if (!dirty) return original;
  const descriptors = Object.getOwnPropertyDescriptors(original);
  // Since V8 12 (Node 22) an error's own `stack` is an accessor that works only on the error
  // itself, so a copied accessor reads undefined: copy the text, to redact it like the rest.
  const stack = descriptors.stack;
  if (stack !== undefined && !("value" in stack)) {
    descriptors.stack = { ...readStack(original), writable: true, configurable: true };
  }
  for (const [name, descriptor] of Object.entries(descriptors)) redactDescriptor(name, descriptor);
  return Object.create(Object.getPrototypeOf(original) as object | null, descriptors) as unknown;
}

function readStack(original: object): { value: unknown; enumerable: false } {
  try {
    return { value: (original as { stack?: unknown }).stack, enumerable: false };
  } catch {
    return { value: undefined, enumerable: false };
  }
}

/** The response to keep as `cause`, its body replaced by a redacted prefix when it held secrets. */
export function redactResponse(response: ResponseLike, bodyPrefix: string): unknown {
  const clean = redactSecrets(bodyPrefix, MAX_CLONE_STRING);
  return clean === bodyPrefix ? response : { ...response, body: clean };
}
