const REDACTED = "[REDACTED]";
/** Longest message kept on an error; provider messages are one line, anything longer is noise. */
export const MAX_MESSAGE_LENGTH = 1_024;

/** Fields an SDK exception or error body may carry that hold a secret, whole. */
export const SECRET_FIELD_NAMES: ReadonlySet<string> = new Set([
  "StringToSign",
  "StringToSignBytes",
  "CanonicalRequest",
  "CanonicalRequestBytes",
  "Token-0",
  "SignatureProvided",
  "AWSAccessKeyId",
  "ArgumentValue",
  "authorization",
  "Authorization",
  "apikey",
  "sessionToken",
  "SessionToken",
]);

const SECRET_ELEMENTS =
  "StringToSign|StringToSignBytes|CanonicalRequest|CanonicalRequestBytes|Token-0|SignatureProvided|AWSAccessKeyId|ArgumentValue";

// Each pattern matches a secret and keeps the label before it, so the text still reads.
const SECRET_PATTERNS: readonly [RegExp, string][] = [
  [new RegExp(`<(${SECRET_ELEMENTS})>[\\s\\S]*?(?:</\\1>|$)`, "g"), `<$1>${REDACTED}</$1>`],
  [
    new RegExp(
      `(["']?\\b(?:${SECRET_ELEMENTS})["']?\\s*[:=]\\s*)("[^"]*"?|'[^']*'?|[^\\s,}&]+)`,
      "g",
    ),
    `$1"${REDACTED}"`,
  ],
  [/\bAWS4-HMAC-SHA256\s+[^"\r\n<]+/g, `AWS4-HMAC-SHA256 ${REDACTED}`],
  [/\b(authorization["']?\s*[:=]\s*)("?)[^"\r\n}<]+/gi, `$1$2${REDACTED}`],
  [/\b((?:Signature|Credential)=)[^,\s&"'<]+/gi, `$1${REDACTED}`],
  [/\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, `$1${REDACTED}`],
  [/\b(X-Amz-(?:Signature|Credential|Security-Token)=)[^&\s"'<]+/gi, `$1${REDACTED}`],
  [/\b(x-amz-security-token["']?\s*[:=]\s*)[^\s"'<,}]+/gi, `$1${REDACTED}`],
  [/\b(apikey["']?\s*[:=]\s*["']?)[^\s"'<,}&]+/gi, `$1${REDACTED}`],
  [/([?&](?:Signature|AWSAccessKeyId|token|apikey|sig|Policy)=)[^&\s"'<]+/gi, `$1${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*){0,2}/g, REDACTED],
  [/\bsb_(?:secret|publishable)_[A-Za-z0-9_-]+/g, REDACTED],
  [/\b(?:AKIA|ASIA)[A-Z0-9]{12,}/g, REDACTED],
];

// One cheap test before the patterns: every secret shape above contains one of these words.
const MAYBE_SECRET =
  /authorization|aws4-|bearer|x-amz-|signature|token|credential|eyJ|apikey|sb_secret|sb_publishable|AKIA|ASIA|StringToSign|CanonicalRequest|ArgumentValue|AWSAccessKeyId|[?&](?:sig|policy)=/i;

// Codes, names, catalogue hints and provider messages repeat from one error to the next: their
// redacted form is remembered (bounded; cleared when full) so each is scanned once.
const MAX_REMEMBERED_LENGTH = 512;
const MAX_REMEMBERED = 1_024;
const remembered = new Map<string, string>();

function replaceSecrets(text: string): string {
  let out = text;
  if (MAYBE_SECRET.test(out)) {
    for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  }
  return out;
}

/** Replaces every secret this library knows the shape of, and caps the length. */
export function redactSecrets(text: string, maxLength = MAX_MESSAGE_LENGTH): string {
  let out: string;
  if (text.length <= MAX_REMEMBERED_LENGTH) {
    const known = remembered.get(text);
    if (known !== undefined) out = known;
    else {
      out = replaceSecrets(text);
      if (remembered.size >= MAX_REMEMBERED) remembered.clear();
      remembered.set(text, out);
    }
  } else {
    out = replaceSecrets(text.length > maxLength * 4 ? text.slice(0, maxLength * 4) : text);
  }
  return out.length > maxLength ? `${out.slice(0, maxLength)}…` : out;
}
