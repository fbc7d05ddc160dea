const REDACTED = "[REDACTED]";
/** Longest message kept on an error; provider messages are one line, anything longer is noise. */
export const MAX_MESSAGE_LENGTH = 1_024;

// Each pattern matches a secret and keeps the label before it, so the text still reads.
const SECRET_PATTERNS: readonly [RegExp, string][] = [
  [/\b(authorization\s*[:=]\s*)("?)[^"\r\n,}]+/gi, `$1$2${REDACTED}`],
  [/\bAWS4-HMAC-SHA256\s+[^"\r\n<]+/g, `AWS4-HMAC-SHA256 ${REDACTED}`],
  [/\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, `$1${REDACTED}`],
  [/\b(X-Amz-(?:Signature|Credential|Security-Token)=)[^&\s"'<]+/gi, `$1${REDACTED}`],
  [/\b(x-amz-security-token\s*[:=]\s*)[^\s"'<,]+/gi, `$1${REDACTED}`],
  [/([?&](?:Signature|AWSAccessKeyId|token|apikey)=)[^&\s"'<]+/gi, `$1${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g, REDACTED],
  [/<(StringToSign|StringToSignBytes|CanonicalRequest|CanonicalRequestBytes|Token-0|SignatureProvided)>[\s\S]*?(<\/\1>|$)/g, `<$1>${REDACTED}</$1>`],
];

/** Replaces every secret this library knows the shape of, and caps the length. */
export function redactSecrets(text: string, maxLength = MAX_MESSAGE_LENGTH): string {
  let out = text.length > maxLength * 4 ? text.slice(0, maxLength * 4) : text;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out.length > maxLength ? `${out.slice(0, maxLength)}…` : out;
}
