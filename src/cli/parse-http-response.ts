import type { ResponseLike } from "../errors/context.js";

const STATUS_LINE = /^HTTP\/[\d.]+ +(\d{3})(?: +(.*))?$/;

/** Whether `text` starts like an HTTP response as `curl -i` prints it. */
export function looksLikeHttpResponse(text: string): boolean {
  return /^HTTP\/[\d.]+ +\d{3}/.test(text);
}

/**
 * Reads an HTTP response as `curl -i` prints it: status line, headers, a blank line, the body.
 * Interim (1xx) and redirect responses that `curl -i -L` prints before the last one are skipped.
 * Returns an error message when the text is not such a response.
 */
export function parseHttpResponse(text: string): ResponseLike | string {
  let rest = text;
  for (;;) {
    const headEnd = rest.search(/\r?\n\r?\n/);
    const head = headEnd < 0 ? rest : rest.slice(0, headEnd);
    const body = headEnd < 0 ? "" : rest.slice(headEnd).replace(/^\r?\n\r?\n/, "");
    const [statusLine = "", ...headerLines] = head.split(/\r?\n/);
    const match = STATUS_LINE.exec(statusLine.trim());
    if (match === null) return `not an HTTP status line: "${statusLine.slice(0, 80)}"`;
    const status = Number(match[1]);
    if (looksLikeHttpResponse(body) && (status < 200 || (status >= 300 && status < 400))) {
      rest = body;
      continue;
    }
    const headers: Record<string, string> = {};
    for (const line of headerLines) {
      const colon = line.indexOf(":");
      if (colon <= 0) return `not an HTTP header line: "${line.slice(0, 80)}"`;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
    }
    return { status, statusText: match[2]?.trim() || undefined, headers, body };
  }
}
