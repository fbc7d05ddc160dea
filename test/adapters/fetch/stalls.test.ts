import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardFetch } from "../../../src/adapters/fetch/index.js";

// A server on 127.0.0.1 that stalls as told by the path: `/half` sends its headers and half its
// body, then nothing; `/silent` never answers. `count` answers normally after `stalls` stalls.
let server: Server;
let base: string;
let requests = 0;
let stallsLeft = 0;
const body = "0123456789".repeat(1000);
// Tiny on the real clock: the server's silence is real, and nothing here waits 30 s.
const STALL_MS = 300;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    if (stallsLeft > 0) {
      stallsLeft--;
      if (req.url === "/silent") return;
      res.writeHead(200, { "content-length": String(body.length) });
      res.write(body.slice(0, body.length / 2));
      return;
    }
    res.writeHead(200, { "content-length": String(body.length) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function reset(stalls: number): void {
  requests = 0;
  stallsLeft = stalls;
}

describe("guardFetch (fetch): stalls", () => {
  it("retries a request whose response never comes", async () => {
    reset(1);
    const res = await guardFetch(fetch, { stallTimeoutMs: STALL_MS, random: () => 0 })(
      `${base}/silent`,
    );
    expect(await res.text()).toBe(body);
    expect(requests).toBe(2);
  });

  it("fails a body that went silent half way as a transient timeout", async () => {
    reset(1);
    const res = await guardFetch(fetch, { stallTimeoutMs: STALL_MS })(`${base}/half`);
    expect(res.status).toBe(200);
    const error = await res.text().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "timeout", retry: "transient" });
    expect((error as Error).message).toMatch(/no progress for 300 ms/);
  });

  it("gives up as timeout when every response stalls", async () => {
    reset(10);
    const error = await guardFetch(fetch, {
      stallTimeoutMs: STALL_MS,
      maxAttempts: 2,
      random: () => 0,
    })(`${base}/silent`).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "timeout", gaveUp: "max_attempts" });
    expect(requests).toBe(2);
  });

  it.each([0, -5, Number.NaN])("rejects stallTimeoutMs %s with a RangeError naming it", (v) => {
    expect(() => guardFetch(fetch, { stallTimeoutMs: v })).toThrow(/stallTimeoutMs/);
    expect(() => guardFetch(fetch, { stallTimeoutMs: v })).toThrow(RangeError);
  });
});
