import { describe, expect, it } from "vitest";
import { guardHttp } from "../../../src/adapters/http/guard-http.js";
import { classifyAnswer, readAnswer } from "../../../src/adapters/http/http-answer.js";
import type { HttpRoute } from "../../../src/adapters/http/http-route.js";
import { resolveSettings } from "../../../src/adapters/shared/resolve-settings.js";
import { S3_DIALECTS } from "../../../src/errors/dialects.js";
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
