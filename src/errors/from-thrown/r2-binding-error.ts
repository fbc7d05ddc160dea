import { buildError } from "../build-error.js";
import type { ThrownReader } from "../dialect.js";
import { parseR2Message } from "../parse/r2-message.js";
import { redactCause } from "../redact-cause.js";
import { readString } from "./read-field.js";

/**
 * The dialect reader of R2 Workers binding errors: an `Error` whose message ends in the R2 code
 * (`put: Precondition Failed (10031)`), unless the caller says another provider threw it.
 */
export const readR2BindingError: ThrownReader = (error, context, catalogue) => {
  const provider = context?.provider;
  if (provider !== undefined && provider !== "r2") return undefined;
  const message = readString(error, "message") ?? "";
  const parsed = parseR2Message(message);
  if (parsed === undefined) return undefined;
  return buildError(
    { provider: "r2", r2Code: parsed.code, message, cause: redactCause(error) },
    { ...context, operation: context?.operation ?? parsed.action },
    catalogue,
  );
};
