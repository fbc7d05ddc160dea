/** Longest prefix of an XML body that is scanned, in characters. Error documents are < 2 KiB. */
export const MAX_XML_SCAN_CHARS = 65_536;

/** Elements read from an S3 `<Error>` document; nothing else (StringToSign, Token-0, ...) is kept. */
export const S3_XML_FIELDS = [
  "Code",
  "Message",
  "Resource",
  "RequestId",
  "HostId",
  "Region",
  "Endpoint",
  "Bucket",
  "BucketName",
  "Key",
  "UploadId",
  "ServerTime",
  "RequestTime",
  "MaxAllowedSkewMilliseconds",
  "RangeRequested",
  "ActualObjectSize",
  "ProposedSize",
  "MaxSizeAllowed",
  "MinSizeAllowed",
  "ArgumentName",
  "httpStatusCode",
] as const;

export type S3XmlField = (typeof S3_XML_FIELDS)[number];

/** The allowed fields of an S3 `<Error>` document, as found. */
export type S3XmlError = Partial<Record<S3XmlField, string>>;

const WANTED: ReadonlySet<string> = /* @__PURE__ */ new Set(S3_XML_FIELDS);
const PREDEFINED: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

/** Decodes the five predefined entities and numeric references; any other entity stays literal. */
export function decodeXmlText(text: string): string {
  if (!text.includes("&")) return text.trim();
  return text
    .replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, ref: string) => {
      if (ref.startsWith("#")) {
        const point = ref[1] === "x" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
        return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : whole;
      }
      return PREDEFINED[ref] ?? whole;
    })
    .trim();
}

/**
 * Reads the known fields of an S3-style `<Error>` document (AWS, R2, IBM, Yandex, Supabase,
 * MinIO, ...) from the first {@link MAX_XML_SCAN_CHARS} characters. A hand-written scanner:
 * DTDs are skipped unread, so entity bombs cost nothing; truncated XML keeps what was complete.
 * Returns undefined when no known field was found.
 */
export function parseS3Xml(body: string): S3XmlError | undefined {
  const text = body.length > MAX_XML_SCAN_CHARS ? body.slice(0, MAX_XML_SCAN_CHARS) : body;
  const found: Record<string, string> = {};
  let any = false;
  let open: string | undefined;
  let textStart = 0;
  let at = text.indexOf("<");
  while (at !== -1 && at < text.length) {
    const next = text[at + 1];
    if (next === "!" || next === "?") {
      at = skipMarkup(text, at);
      if (at === -1) break;
      open = undefined;
      at = text.indexOf("<", at);
      continue;
    }
    const end = text.indexOf(">", at);
    if (end === -1) break;
    const closing = next === "/";
    const name = readTagName(text, closing ? at + 2 : at + 1, end);
    if (closing) {
      if (open === name && WANTED.has(name) && found[name] === undefined) {
        found[name] = decodeXmlText(text.slice(textStart, at));
        any = true;
      }
      open = undefined;
    } else if (text[end - 1] !== "/") {
      open = name;
      textStart = end + 1;
    }
    at = text.indexOf("<", end + 1);
  }
  return any ? (found as S3XmlError) : undefined;
}

/** The tag name from `start` up to white space, `/` or `end`. */
function readTagName(text: string, start: number, end: number): string {
  let stop = start;
  while (stop < end) {
    const c = text.charCodeAt(stop);
    // space, tab, line feed, carriage return, slash
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) break;
    stop++;
  }
  return text.slice(start, stop);
}

/** Skips a comment, CDATA, processing instruction or DOCTYPE (with its internal subset). */
function skipMarkup(text: string, at: number): number {
  if (text.startsWith("<!--", at)) {
    const end = text.indexOf("-->", at + 4);
    return end === -1 ? -1 : end + 3;
  }
  if (text.startsWith("<![CDATA[", at)) {
    const end = text.indexOf("]]>", at + 9);
    return end === -1 ? -1 : end + 3;
  }
  const bracket = text.indexOf("[", at);
  const close = text.indexOf(">", at);
  if (close === -1) return -1;
  if (bracket !== -1 && bracket < close) {
    const end = text.indexOf("]>", bracket);
    return end === -1 ? -1 : end + 2;
  }
  return close + 1;
}
