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

  it.each([
    "fetch failed",
    "Failed to fetch",
    "NetworkError when attempting to fetch resource.",
    "Load failed",
    "Network request failed",
  ])("classifies the browser fetch TypeError %j as network", (message) => {
    expect(normalize(new TypeError(message))).toMatchObject({
      kind: "network",
      retry: "transient",
    });
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
