import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleWorker } from "./bundle-worker.js";
import { type R2Harness, startMiniflare } from "./start-miniflare.js";

let harness: R2Harness;
beforeAll(async () => {
  harness = await startMiniflare(await bundleWorker("../../../examples/r2-worker/src/index.ts"));
});
afterAll(async () => {
  await harness.dispose();
});

const url = "http://localhost/objects/example.txt";

describe("examples/r2-worker", () => {
  it("stores, serves, refuses a second create-only put, deletes", async () => {
    const put = await harness.mf.dispatchFetch(url, { method: "PUT", body: "Hello, R2!" });
    expect(put.status).toBe(201);
    expect(await put.json()).toMatchObject({ key: "example.txt", size: 10 });

    const get = await harness.mf.dispatchFetch(url);
    expect([get.status, await get.text()]).toEqual([200, "Hello, R2!"]);

    const again = await harness.mf.dispatchFetch(url, {
      method: "PUT",
      body: "again",
      headers: { "if-none-match": "*" },
    });
    expect(again.status).toBe(412);
    expect(await again.json()).toMatchObject({ error: "precondition_failed" });

    expect((await harness.mf.dispatchFetch(url, { method: "DELETE" })).status).toBe(204);
    const gone = await harness.mf.dispatchFetch(url);
    expect(gone.status).toBe(404);
    await gone.arrayBuffer();
  });

  it("maps R2's errors through their kind", async () => {
    const longKey = `http://localhost/objects/${"k".repeat(1100)}`;
    const response = await harness.mf.dispatchFetch(longKey, { method: "PUT", body: "x" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: "invalid_request",
      code: "InvalidObjectName",
    });
  });
});
