/** Longest R2 binding message that is parsed, in characters. */
const MAX_R2_MESSAGE_CHARS = 4_096;

/** An R2 Workers binding error message `"<action>: <text> (<code>)"`, taken apart. */
export interface R2Message {
  /** The binding method: get, head, put, delete, list, createMultipartUpload, ... */
  readonly action: string;
  readonly text: string;
  /** The numeric R2 code; 0 when the backend sent none ("Unspecified error (0)"). */
  readonly code: number;
}

// The text may span lines (10037 carries a digest explanation on several lines).
const R2_MESSAGE = /^([A-Za-z]+): ([\s\S]*?) ?\((\d{1,6})\)\s*$/;

/** Parses an R2 binding message; undefined when it does not have the `(<code>)` shape. */
export function parseR2Message(message: string): R2Message | undefined {
  if (message.length > MAX_R2_MESSAGE_CHARS) return undefined;
  const match = R2_MESSAGE.exec(message);
  if (match === null) return undefined;
  const [, action = "", text = "", code = "0"] = match;
  return { action, text: text.trim(), code: Number(code) };
}

/** workerd's message for a dropped subrequest connection (comes with `retryable: true`). */
export function isNetworkLostMessage(message: string): boolean {
  return message.startsWith("Network connection lost");
}

/** workerd's message for an internal runtime failure. */
export function isInternalErrorMessage(message: string): boolean {
  return message.startsWith("internal error; reference =");
}
