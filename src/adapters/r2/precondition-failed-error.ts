import { StorageError } from "../../index.js";

/**
 * The error for an `onlyIf` that was not met, when `preconditionFailed: "error"` asks for one.
 * R2's binding reports it without throwing (null from put, no body from get); its HTTP API code
 * for the same condition is 10031.
 */
export function createPreconditionFailedError(operation: string): StorageError {
  return new StorageError({
    kind: "precondition_failed",
    code: "PreconditionFailed",
    message: `${operation}: At least one of the pre-conditions you specified did not hold. (10031)`,
    status: 412,
    retry: "never",
    provider: "r2",
    providerCode: 10031,
    operation,
  });
}
