import { HttpResponse, http } from "msw";

/** storage-api's base URL in these tests (msw intercepts it; nothing listens). */
export const STORAGE_URL = "http://127.0.0.1:54321/storage/v1";

/** A storage-api error body as the server sends it: HTTP 400 unless told, the status inside. */
export function apiError(
  statusCode: string,
  error: string,
  message: string,
  options: { code?: string; httpStatus?: number } = {},
): Response {
  const body: Record<string, string> = { statusCode, error, message };
  if (options.code) body.code = options.code;
  return HttpResponse.json(body, { status: options.httpStatus ?? 400 });
}

/** A gateway's HTML error page (Cloudflare, Kong). */
export function gatewayPage(status: number): Response {
  const html = `<!DOCTYPE html><html><head><title>${status} Bad Gateway</title></head><body><h1>Error ${status}</h1><p>cloudflare</p></body></html>`;
  return new HttpResponse(html, { status, headers: { "content-type": "text/html" } });
}

/** A response step: a Response, or "reset" for a dropped connection. */
export type Step = (() => Response) | "reset";

/** Counts the requests to one route and answers them with `steps` in order (the last repeats). */
export function sequence(
  method: "get" | "post" | "put" | "head" | "delete",
  path: string,
  steps: Step[],
) {
  const state = { count: 0, bodies: [] as string[] };
  const handler = http[method](`${STORAGE_URL}${path}`, async ({ request }) => {
    state.count++;
    state.bodies.push(method === "get" || method === "head" ? "" : await request.text());
    const step = steps[Math.min(state.count, steps.length) - 1];
    if (step === undefined || step === "reset") return HttpResponse.error();
    return step();
  });
  return { handler, state };
}
