import { describe, expect, it, vi } from "vitest";
import { guardHttp } from "../../../src/adapters/http/guard-http.js";
import { classifyAnswer, readAnswer } from "../../../src/adapters/http/http-answer.js";
import type { HttpRoute } from "../../../src/adapters/http/http-route.js";
import { resolveSettings } from "../../../src/adapters/shared/resolve-settings.js";
import { S3_DIALECTS } from "../../../src/errors/dialects.js";
import { createManualClock } from "../../../src/index.js";
import { createInstantClock } from "../instant-clock.js";

const GET: HttpRoute = { name: "GET /b/k", idempotency: "idempotent", errorIn200: false };
const COPY: HttpRoute = { name: "PUT /b/k", idempotency: "idempotent", errorIn200: true };
const ERROR_XML = "<Error><Code>InternalError</Code><Message>We hit a snag</Message></Error>";

describe("readAnswer and classifyAnswer", () => {
  it("a 2xx is a success, left unread", async () => {
    const answer = await readAnswer(new Response("data"), GET);
    expect(answer.failed).toBe(false);
    expect(classifyAnswer(answer, { operation: GET.name }, S3_DIALECTS)).toBeUndefined();
    expect(answer.response.bodyUsed).toBe(false);
  });

  it("a 503 is a failure classified from its body, the response still unread", async () => {
    const answer = await readAnswer(new Response(ERROR_XML, { status: 503 }), GET);
    const error = classifyAnswer(answer, { operation: GET.name }, S3_DIALECTS);
    expect(error).toMatchObject({ code: "InternalError", retry: "transient" });
    expect(await answer.response.text()).toBe(ERROR_XML);
  });

  it("a 200 is read only where the route says it may hide an error", async () => {
    const hidden = await readAnswer(new Response(ERROR_XML), COPY);
    expect(classifyAnswer(hidden, { operation: COPY.name }, S3_DIALECTS)).toMatchObject({
      code: "InternalError",
    });
    expect((await readAnswer(new Response(ERROR_XML), GET)).failed).toBe(false);
    expect((await readAnswer(new Response("<CopyObjectResult/>"), COPY)).failed).toBe(false);
  });
});

describe("guardHttp", () => {
  const settings = () =>
    resolveSettings({ clock: createInstantClock(), random: () => 0 }, { maxReplayBytes: 64 });

  it("passes a request its classifier does not take through untouched", async () => {
    const seen: unknown[] = [];
    const guarded = guardHttp({
      fetch: async (input, init) => {
        seen.push(input, init);
        return new Response("x", { status: 503 });
      },
      settings: settings(),
      dialect: S3_DIALECTS,
      route: () => undefined,
    });
    const init = { method: "POST" };
    expect((await guarded("http://127.0.0.1:1/tus", init)).status).toBe(503);
    expect(seen).toEqual(["http://127.0.0.1:1/tus", init]);
  });

  it("retries a failed answer and returns the success; the error answer is told once, at the end", async () => {
    const statuses = [503, 503, 200];
    const told: number[] = [];
    const guarded = guardHttp({
      fetch: async () => new Response(ERROR_XML, { status: statuses.shift() ?? 500 }),
      settings: settings(),
      dialect: S3_DIALECTS,
      route: () => GET,
      onErrorAnswer: (response) => told.push(response.status),
    });
    expect((await guarded("http://127.0.0.1:1/b/k")).status).toBe(200);
    expect(told).toEqual([]);
    const failing = guardHttp({
      fetch: async () => new Response(ERROR_XML, { status: 500 }),
      settings: settings(),
      dialect: S3_DIALECTS,
      route: () => GET,
      onErrorAnswer: (response) => told.push(response.status),
    });
    const last = await failing("http://127.0.0.1:1/b/k");
    expect(last.status).toBe(500);
    expect(await last.text()).toBe(ERROR_XML);
    expect(told).toEqual([500]);
  });
});

describe("guardHttp on a 200 S3 holds open with spaces", () => {
  const COPY_RESULT = '<?xml version="1.0"?><CopyObjectResult><ETag>"e"</ETag></CopyObjectResult>';
  const encoder = new TextEncoder();

  /** A body the test feeds; like fetch's, it fails with the reason once the request aborts. */
  function feedBody(signal: AbortSignal | null | undefined) {
    let feed!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        feed = controller;
      },
    });
    signal?.addEventListener("abort", () => feed.error(signal.reason), { once: true });
    return {
      stream,
      send: (text: string) => feed.enqueue(encoder.encode(text)),
      end: () => feed.close(),
    };
  }

  function copyGuard(bodies: ReturnType<typeof feedBody>[]) {
    const clock = createManualClock();
    const guarded = guardHttp({
      fetch: async (_input, init) => {
        const body = feedBody(init?.signal);
        bodies.push(body);
        body.send(" ");
        return new Response(body.stream);
      },
      settings: resolveSettings(
        { clock, random: () => 0, stallTimeoutMs: 30_000 },
        { maxReplayBytes: 64 },
      ),
      dialect: S3_DIALECTS,
      route: () => COPY,
    });
    return { clock, guarded };
  }

  it("reads a body that sends a space every 5 s for a minute, past the 30 s limit", async () => {
    const bodies: ReturnType<typeof feedBody>[] = [];
    const { clock, guarded } = copyGuard(bodies);
    const pending = guarded("http://127.0.0.1:1/b/k", { method: "PUT" });
    await vi.waitFor(() => expect(bodies).toHaveLength(1));
    for (let i = 0; i < 12; i++) {
      await clock.advance(5000);
      bodies[0]?.send(" ");
    }
    bodies[0]?.send(COPY_RESULT);
    bodies[0]?.end();
    const response = await pending;
    expect(response.status).toBe(200);
    expect((await response.text()).trim()).toBe(COPY_RESULT);
    expect(bodies).toHaveLength(1);
  });

  it("fails a body that goes 30 s without a byte as a body stall, and retries it", async () => {
    const bodies: ReturnType<typeof feedBody>[] = [];
    const { clock, guarded } = copyGuard(bodies);
    const pending = guarded("http://127.0.0.1:1/b/k", { method: "PUT" });
    await vi.waitFor(() => expect(bodies).toHaveLength(1));
    await clock.advance(20_000);
    bodies[0]?.send(" ");
    // 40 s since the headers, 20 s since the last byte: still copying.
    await clock.advance(20_000);
    expect(bodies).toHaveLength(1);
    await clock.advance(10_000);
    await vi.waitFor(() => expect(bodies).toHaveLength(2));
    bodies[1]?.send(COPY_RESULT);
    bodies[1]?.end();
    const response = await pending;
    expect((await response.text()).trim()).toBe(COPY_RESULT);
  });

  it("gives up on a silent body with the body stall's transient timeout", async () => {
    const bodies: ReturnType<typeof feedBody>[] = [];
    const clock = createManualClock();
    const guarded = guardHttp({
      fetch: async (_input, init) => {
        const body = feedBody(init?.signal);
        bodies.push(body);
        return new Response(body.stream);
      },
      settings: resolveSettings(
        { clock, maxAttempts: 1, stallTimeoutMs: 30_000 },
        { maxReplayBytes: 64 },
      ),
      dialect: S3_DIALECTS,
      route: () => COPY,
      throwOnError: true,
    });
    const pending = guarded("http://127.0.0.1:1/b/k", { method: "PUT" }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(bodies).toHaveLength(1));
    await clock.advance(30_000);
    const error = await pending;
    expect(error).toMatchObject({ kind: "timeout", retry: "transient" });
    expect((error as Error).message).toMatch(/response body made no progress for 30000 ms/);
  });
});
