import { describe, expect, it } from "vitest";
import { classifyRequest } from "../../../src/adapters/supabase/classify-request.js";

const BASE = "https://abc.supabase.co/storage/v1";

describe("classifyRequest", () => {
  it.each([
    ["GET", "/object/docs/a.txt", {}, "other", "idempotent"],
    ["HEAD", "/object/docs/a.txt", {}, "other", "idempotent"],
    ["GET", "/bucket", {}, "other", "idempotent"],
    ["DELETE", "/object/docs", {}, "other", "idempotent"],
    ["POST", "/object/list/docs", {}, "other", "idempotent"],
    ["POST", "/object/list-v2/docs", {}, "other", "idempotent"],
    ["POST", "/object/sign/docs/a.txt", {}, "other", "idempotent"],
    ["POST", "/object/upload/sign/docs/a.txt", {}, "other", "idempotent"],
    ["POST", "/bucket/docs/empty", {}, "other", "idempotent"],
    ["POST", "/object/docs/a.txt", { "x-upsert": "true" }, "upload", "idempotent"],
    ["POST", "/object/docs/a.txt", { "x-upsert": "false" }, "upload", "conditional"],
    ["PUT", "/object/docs/a.txt", {}, "upload", "idempotent"],
    ["PUT", "/object/upload/sign/docs/a.txt", { "x-upsert": "false" }, "other", "never"],
    ["PUT", "/object/upload/sign/docs/a.txt", { "x-upsert": "true" }, "other", "idempotent"],
    ["POST", "/bucket", {}, "other", "never"],
    ["POST", "/object/move", {}, "other", "never"],
    ["POST", "/object/copy", {}, "other", "never"],
    ["POST", "/upload/resumable/", {}, "resumable", "never"],
    ["PATCH", "/upload/resumable/abc", {}, "resumable", "never"],
  ] as const)("%s %s %j is %s, %s", (method, path, headers, type, idempotency) => {
    const route = classifyRequest(method, new URL(BASE + path), new Headers(headers));
    expect(route).toMatchObject({ type, idempotency });
  });

  it("leaves other Supabase services sharing supabase-js's fetch alone", () => {
    for (const path of ["/rest/v1/todos", "/auth/v1/token", "/functions/v1/hello"]) {
      const route = classifyRequest(
        "GET",
        new URL(`https://abc.supabase.co${path}`),
        new Headers(),
      );
      expect(route).toMatchObject({ type: "foreign", idempotency: "never" });
    }
  });

  it("names the object key of an upload, decoded", () => {
    const url = new URL(`${BASE}/object/docs/my%20folder/a.txt`);
    expect(classifyRequest("POST", url, new Headers()).objectKey).toBe("docs/my folder/a.txt");
  });

  it("works without the /storage/v1 prefix (self-hosted storage-api)", () => {
    const url = new URL("http://127.0.0.1:5000/object/list/docs");
    expect(classifyRequest("POST", url, new Headers())).toMatchObject({
      idempotency: "idempotent",
    });
  });
});
