import { describe, expect, it } from "vitest";
import { classifyMethod } from "../../../src/adapters/fetch/classify-method.js";

const url = (query = "") => new URL(`https://docs.s3.us-east-1.amazonaws.com/a.txt${query}`);

describe("classifyMethod", () => {
  it.each(["GET", "HEAD", "OPTIONS", "DELETE", "PUT", "get"])("%s is idempotent", (method) => {
    expect(classifyMethod(method, url())).toBe("idempotent");
  });

  it("treats DeleteObjects as idempotent and other POSTs as unprocessed-only by default", () => {
    expect(classifyMethod("POST", url("?delete"))).toBe("idempotent");
    expect(classifyMethod("POST", url("?uploads"))).toBe("unprocessed");
    expect(classifyMethod("POST", url("?uploadId=abc"))).toBe("unprocessed");
    expect(classifyMethod("PATCH", url(), true)).toBe("never");
  });

  it("lets retryPost allow POSTs, wholesale or by predicate", () => {
    expect(classifyMethod("POST", url("?uploads"), true)).toBe("idempotent");
    const onlyUploads = (_method: string, target: URL) => target.searchParams.has("uploads");
    expect(classifyMethod("POST", url("?uploads"), onlyUploads)).toBe("idempotent");
    expect(classifyMethod("POST", url("?uploadId=abc"), onlyUploads)).toBe("unprocessed");
  });

  it("asks the retryPost predicate about POSTs only, and not about DeleteObjects", () => {
    const asked: string[] = [];
    const predicate = (method: string, target: URL) => {
      asked.push(`${method} ${target.search}`);
      return true;
    };
    expect(classifyMethod("PATCH", url(), predicate)).toBe("never");
    expect(classifyMethod("POST", url("?delete"), predicate)).toBe("idempotent");
    expect(classifyMethod("post", url("?uploads"), predicate)).toBe("idempotent");
    expect(asked).toEqual(["POST ?uploads"]);
  });
});
