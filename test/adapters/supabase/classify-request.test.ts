import { describe, expect, it } from "vitest";
import { classifyRequest } from "../../../src/adapters/supabase/classify-request.js";

const BASE = "https://abc.supabase.co/storage/v1";

describe("classifyRequest", () => {
  it.each([
    ["GET", "/object/docs/a.txt", {}, "idempotent", undefined],
    ["HEAD", "/object/docs/a.txt", {}, "idempotent", undefined],
    ["GET", "/bucket", {}, "idempotent", undefined],
    ["DELETE", "/object/docs", {}, "idempotent", undefined],
    ["POST", "/object/list/docs", {}, "idempotent", undefined],
    ["POST", "/object/list-v2/docs", {}, "idempotent", undefined],
    ["POST", "/object/sign/docs/a.txt", {}, "idempotent", undefined],
    ["POST", "/object/upload/sign/docs/a.txt", {}, "idempotent", undefined],
    ["POST", "/bucket/docs/empty", {}, "idempotent", undefined],
    ["POST", "/object/docs/a.txt", { "x-upsert": "true" }, "idempotent", "docs/a.txt"],
    ["POST", "/object/docs/a.txt", { "x-upsert": "false" }, "conditional", "docs/a.txt"],
    ["PUT", "/object/docs/a.txt", {}, "idempotent", "docs/a.txt"],
    ["PUT", "/object/upload/sign/docs/a.txt", { "x-upsert": "false" }, "never", undefined],
    ["PUT", "/object/upload/sign/docs/a.txt", { "x-upsert": "true" }, "idempotent", undefined],
    ["POST", "/bucket", {}, "never", undefined],
    ["POST", "/object/move", {}, "never", undefined],
    ["POST", "/object/copy", {}, "never", undefined],
  ] as const)("%s %s %j is %s (upload of %s)", (method, path, headers, idempotency, objectKey) => {
    const route = classifyRequest(method, new URL(BASE + path), new Headers(headers));
    expect(route).toMatchObject({ idempotency, errorIn200: false });
    expect(route?.objectKey).toBe(objectKey);
  });

  it.each([
    ["POST", "/upload/resumable/"],
    ["PATCH", "/upload/resumable/abc"],
  ])("passes TUS resumable uploads through (%s %s)", (method, path) => {
    expect(classifyRequest(method, new URL(BASE + path), new Headers())).toBeUndefined();
  });

  it("leaves other Supabase services sharing supabase-js's fetch alone", () => {
    for (const path of ["/rest/v1/todos", "/auth/v1/token", "/functions/v1/hello"]) {
      const route = classifyRequest(
        "GET",
        new URL(`https://abc.supabase.co${path}`),
        new Headers(),
      );
      expect(route).toBeUndefined();
    }
  });

  it("names the route by its action, not the object's path", () => {
    const url = new URL(`${BASE}/object/sign/docs/a.txt`);
    expect(classifyRequest("post", url, new Headers())?.name).toBe("POST /object/sign");
    expect(classifyRequest("GET", new URL(`${BASE}/object/docs/a.txt`), new Headers())?.name).toBe(
      "GET /object",
    );
  });

  it("names the object key of an upload, decoded", () => {
    const url = new URL(`${BASE}/object/docs/my%20folder/a.txt`);
    expect(classifyRequest("POST", url, new Headers())?.objectKey).toBe("docs/my folder/a.txt");
  });

  it("works without the /storage/v1 prefix (self-hosted storage-api)", () => {
    const url = new URL("http://127.0.0.1:5000/object/list/docs");
    expect(classifyRequest("POST", url, new Headers())).toMatchObject({
      idempotency: "idempotent",
    });
  });
});
