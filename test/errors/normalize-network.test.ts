import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { normalize } from "../../src/errors/normalize.js";

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

const codeError = (code: string, message = `connect ${code} 127.0.0.1:9`) =>
  Object.assign(new Error(message), { code, syscall: "connect" });

describe("normalize: network failures", () => {
  it.each([
    ["ECONNRESET", "network"],
    ["ECONNREFUSED", "network"],
    ["EPIPE", "network"],
    ["EHOSTUNREACH", "network"],
    ["ENETUNREACH", "network"],
    ["ENOTFOUND", "network"],
    ["EAI_AGAIN", "network"],
    ["ETIMEDOUT", "timeout"],
    ["UND_ERR_SOCKET", "network"],
    ["UND_ERR_CONNECT_TIMEOUT", "timeout"],
    ["UND_ERR_HEADERS_TIMEOUT", "timeout"],
    ["UND_ERR_BODY_TIMEOUT", "timeout"],
  ])("classifies Node code %s as %s, transient", (code, kind) => {
    expect(normalize(codeError(code))).toMatchObject({ kind, code, retry: "transient" });
  });

  it("finds the code through a cause chain", () => {
    const inner = codeError("ECONNRESET");
    const outer = new Error("request failed", { cause: new Error("wrapped", { cause: inner }) });
    expect(normalize(outer)).toMatchObject({ kind: "network", code: "ECONNRESET" });
  });

  it("stays bounded on a cyclic cause chain and a 100k-deep one", () => {
    const a = new Error("a");
    const b = new Error("b", { cause: a });
    Object.assign(a, { cause: b });
    expect(normalize(a).kind).toBe("unknown");
    let deep: Error = codeError("ECONNRESET");
    for (let i = 0; i < 100_000; i++) deep = new Error(`level ${i}`, { cause: deep });
    // The code sits 100k links down: past the bounded walk, so it is not found.
    expect(normalize(deep).kind).toBe("unknown");
  });

  it("classifies a real undici 'fetch failed' against a closed port as network (ECONNREFUSED)", async () => {
    const port = await closedPort();
    const thrown = await fetch(`http://127.0.0.1:${port}/`).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(TypeError);
    expect(normalize(thrown)).toMatchObject({
      kind: "network",
      retry: "transient",
      code: "ECONNREFUSED",
      name: "TypeError",
    });
  });

  // What each runtime's fetch rejects with when no answer arrived (the is-network-error set).
  it.each([
    ["undici (Node), Deno 2", "fetch failed"],
    ["undici, closed mid-body", "terminated"],
    ["Chromium", "Failed to fetch"],
    ["Chromium, naming the host", "Failed to fetch (example.com)"],
    ["Chromium", "network error"],
    ["Firefox", "NetworkError when attempting to fetch resource."],
    ["Safari 16", "The Internet connection appears to be offline."],
    ["Bun", " A network error occurred."],
    ["Bun, trimmed", "A network error occurred."],
    ["React Native", "Network request failed"],
    [
      "Deno 1",
      "error sending request for url (http://127.0.0.1:45991/b/k): client error (Connect): tcp connect error: Connection refused (os error 111)",
    ],
  ])("classifies the %s fetch TypeError %j as network, transient", (_runtime, message) => {
    expect(normalize(new TypeError(message))).toMatchObject({
      kind: "network",
      retry: "transient",
      code: "NetworkError",
      name: "TypeError",
    });
  });

  it("classifies Deno 2's 'fetch failed' with its cause as network", () => {
    const cause = new Error(
      "error sending request for url (http://127.0.0.1:45991/b/k): client error (Connect): tcp connect error: Connection refused (os error 111)",
    );
    expect(normalize(new TypeError("fetch failed", { cause }))).toMatchObject({
      kind: "network",
      retry: "transient",
    });
  });

  it("takes Safari's generic 'Load failed' as network only without a stack, or when Sentry re-stacked it", () => {
    const safari = new TypeError("Load failed");
    safari.stack = undefined;
    expect(normalize(safari)).toMatchObject({ kind: "network", retry: "transient" });
    const restacked = Object.assign(new TypeError("Load failed"), { __sentry_captured__: true });
    expect(normalize(restacked)).toMatchObject({ kind: "network", retry: "transient" });
    expect(normalize(new TypeError("Load failed"))).toMatchObject({
      kind: "unknown",
      retry: "never",
    });
  });

  it("takes these messages only from TypeErrors, and not other 'Failed to fetch ...' TypeErrors", () => {
    for (const message of ["Failed to fetch", "network error", "A network error occurred."]) {
      expect(normalize(new Error(message))).toMatchObject({ kind: "unknown", retry: "never" });
      const renamed = Object.assign(new TypeError(message), { name: "SyntaxError" });
      expect(normalize(renamed)).toMatchObject({ kind: "unknown", retry: "never" });
    }
    const moduleLoad = new TypeError("Failed to fetch dynamically imported module: /x.js");
    expect(normalize(moduleLoad)).toMatchObject({ kind: "unknown", retry: "never" });
  });

  it("leaves other TypeErrors unknown and never retried", () => {
    expect(normalize(new TypeError("x is not a function"))).toMatchObject({
      kind: "unknown",
      retry: "never",
    });
  });

  it("classifies DOMException TimeoutError as timeout and AbortError as aborted", () => {
    expect(normalize(new DOMException("The operation timed out.", "TimeoutError"))).toMatchObject({
      kind: "timeout",
      retry: "transient",
      name: "TimeoutError",
    });
    expect(normalize(new DOMException("This operation was aborted", "AbortError"))).toMatchObject({
      kind: "aborted",
      retry: "never",
      name: "AbortError",
    });
  });

  it("classifies real AbortSignal reasons: timeout() is a timeout, abort() is aborted", async () => {
    const timeoutSignal = AbortSignal.timeout(1);
    await new Promise((resolve) => timeoutSignal.addEventListener("abort", resolve));
    expect(normalize(timeoutSignal.reason).kind).toBe("timeout");
    const controller = new AbortController();
    controller.abort();
    expect(normalize(controller.signal.reason).kind).toBe("aborted");
  });
});
