// Wraps the SDK's HTTP handler: counts every request sent and keeps the raw bytes of error answers.
import { Readable } from "node:stream";
import type { HttpHandlerOptions, HttpRequest, HttpResponse } from "@smithy/types";

/** The part of the SDK's HTTP handler a client calls. */
export interface HttpHandlerLike {
  handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }>;
  updateHttpClientConfig(key: never, value: never): void;
  httpHandlerConfigs(): unknown;
  destroy?(): void;
}

/** One raw error answer, as it came off the wire. */
export interface RawAnswer {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The handler and what it saw. */
export interface Recording {
  readonly handler: HttpHandlerLike;
  /** Requests sent since the last `reset()`. */
  readonly requests: () => number;
  /** Error answers (status >= 300) since the last `reset()`, oldest first. */
  readonly answers: () => readonly RawAnswer[];
  readonly reset: () => void;
}

async function readAll(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    chunks.push(typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}

/** Records around `inner` (the client's default handler). */
export function createRecording(inner: HttpHandlerLike): Recording {
  let requests = 0;
  let answers: RawAnswer[] = [];
  const handler: HttpHandlerLike = {
    async handle(request, options) {
      requests += 1;
      const out = await inner.handle(request, options);
      const { response } = out;
      if (response.statusCode < 300) return out;
      const bytes = await readAll(response.body);
      answers.push({
        method: request.method,
        path: request.path,
        status: response.statusCode,
        headers: { ...response.headers },
        body: Buffer.from(bytes).toString("utf8"),
      });
      response.body = Readable.from([Buffer.from(bytes)]);
      return out;
    },
    updateHttpClientConfig: (key: never, value: never) => inner.updateHttpClientConfig(key, value),
    httpHandlerConfigs: () => inner.httpHandlerConfigs(),
    destroy: () => inner.destroy?.(),
  };
  return {
    handler,
    requests: () => requests,
    answers: () => answers,
    reset() {
      requests = 0;
      answers = [];
    },
  };
}
