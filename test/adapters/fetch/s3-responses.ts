import { HttpResponse, http } from "msw";

/** The endpoint of these tests (msw intercepts it; nothing listens). */
export const S3_URL = "https://docs.s3.us-east-1.amazonaws.com";

/** An S3 error document. */
export function s3Error(
  status: number,
  code: string,
  message: string,
  options: { extra?: string; headers?: Record<string, string> } = {},
): Response {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${options.extra ?? ""}<RequestId>4442587FB7D0A2F9</RequestId><HostId>host</HostId></Error>`;
  return new HttpResponse(xml, {
    status,
    headers: {
      "content-type": "application/xml",
      "x-amz-request-id": "4442587FB7D0A2F9",
      ...options.headers,
    },
  });
}

/** A response step: a Response, or "reset" for a dropped connection. */
export type Step = (() => Response) | "reset";

/** Counts requests to `path` (any method) and answers with `steps` in order (the last repeats). */
export function sequence(path: string, steps: Step[]) {
  const state = { count: 0, bodies: [] as string[], dates: [] as (string | null)[] };
  const handler = http.all(`${S3_URL}${path}`, async ({ request }) => {
    state.count++;
    state.bodies.push(
      request.method === "GET" || request.method === "HEAD" ? "" : await request.text(),
    );
    state.dates.push(request.headers.get("x-amz-date"));
    const step = steps[Math.min(state.count, steps.length) - 1];
    if (step === undefined || step === "reset") return HttpResponse.error();
    return step();
  });
  return { handler, state };
}
