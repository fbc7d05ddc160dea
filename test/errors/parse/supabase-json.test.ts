import { describe, expect, it } from "vitest";
import {
  MAX_JSON_PARSE_CHARS,
  parseSupabaseJson,
} from "../../../src/errors/parse/supabase-json.js";

describe("parseSupabaseJson", () => {
  it("reads current, legacy and numeric-status bodies", () => {
    expect(
      parseSupabaseJson(
        '{"statusCode":"404","error":"not_found","message":"Object not found","code":"NoSuchKey"}',
      ),
    ).toEqual({
      status: 404,
      code: "NoSuchKey",
      label: "not_found",
      message: "Object not found",
    });
    expect(parseSupabaseJson('{"statusCode":404,"error":"not_found","message":"m"}')?.status).toBe(
      404,
    );
    expect(
      parseSupabaseJson('{"httpStatusCode":409,"code":"KeyAlreadyExists","message":"m"}'),
    ).toMatchObject({
      status: 409,
      code: "KeyAlreadyExists",
    });
  });

  it("rejects non-Supabase, truncated and over-long bodies", () => {
    expect(parseSupabaseJson('{"message":"hi"}')).toBeUndefined();
    expect(parseSupabaseJson('{"statusCode":"404","err')).toBeUndefined();
    expect(parseSupabaseJson("[1,2]")).toBeUndefined();
    expect(
      parseSupabaseJson(`{"statusCode":"404","message":"${"x".repeat(MAX_JSON_PARSE_CHARS)}"}`),
    ).toBeUndefined();
  });
});
