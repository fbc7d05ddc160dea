import { describe, expect, it } from "vitest";
import {
  keepSupabaseAnswer,
  MAX_KEPT_ANSWERS,
  recallSupabaseAnswer,
} from "../../src/errors/from-thrown/supabase-answers.js";

const body = (code: string, message: string, error = "Duplicate") =>
  JSON.stringify({ statusCode: "409", error, message, code });

describe("kept Supabase answers", () => {
  it("gives an error the answer it was made from, once, and the same answer again", () => {
    keepSupabaseAnswer(400, body("KeyAlreadyExists", "kept once"));
    const first = {};
    const second = {};
    const traits = { httpStatus: 400, status: 409, message: "kept once" };
    expect(recallSupabaseAnswer(first, traits)).toMatchObject({ code: "KeyAlreadyExists" });
    expect(recallSupabaseAnswer(second, traits)).toBeUndefined();
    expect(recallSupabaseAnswer(first, traits)).toMatchObject({ code: "KeyAlreadyExists" });
  });

  it("matches on HTTP status, body status and message", () => {
    keepSupabaseAnswer(400, body("BucketAlreadyExists", "matched exactly"));
    const error = {};
    expect(
      recallSupabaseAnswer(error, { httpStatus: 409, status: 409, message: "matched exactly" }),
    ).toBeUndefined();
    expect(
      recallSupabaseAnswer(error, { httpStatus: 400, status: 404, message: "matched exactly" }),
    ).toBeUndefined();
    expect(
      recallSupabaseAnswer(error, { httpStatus: 400, status: 409, message: "matched" }),
    ).toBeUndefined();
    expect(
      recallSupabaseAnswer(error, { httpStatus: 400, status: 409, message: "matched exactly" }),
    ).toMatchObject({ code: "BucketAlreadyExists", label: "Duplicate" });
  });

  it("gives only what waiting answers share when they differ", () => {
    keepSupabaseAnswer(400, body("KeyAlreadyExists", "two at once"));
    keepSupabaseAnswer(400, body("BucketAlreadyExists", "two at once"));
    const traits = { httpStatus: 400, status: 409, message: "two at once" };
    expect(recallSupabaseAnswer({}, traits)).toEqual({
      status: 409,
      message: "two at once",
      code: undefined,
      label: "Duplicate",
    });
    // The first was taken: the one left is no longer ambiguous.
    expect(recallSupabaseAnswer({}, traits)).toMatchObject({ code: "BucketAlreadyExists" });
  });

  it(`keeps at most ${MAX_KEPT_ANSWERS} answers, dropping the oldest`, () => {
    for (let index = 0; index <= MAX_KEPT_ANSWERS; index++) {
      keepSupabaseAnswer(400, body("KeyAlreadyExists", `bounded ${index}`));
    }
    const recall = (index: number) =>
      recallSupabaseAnswer({}, { httpStatus: 400, status: 409, message: `bounded ${index}` });
    expect(recall(0)).toBeUndefined();
    expect(recall(1)).toMatchObject({ code: "KeyAlreadyExists", message: "bounded 1" });
    expect(recall(MAX_KEPT_ANSWERS)).toMatchObject({
      code: "KeyAlreadyExists",
      message: `bounded ${MAX_KEPT_ANSWERS}`,
    });
  });

  it("ignores bodies that are not Supabase JSON or have no message", () => {
    keepSupabaseAnswer(502, "<html>Bad Gateway</html>");
    keepSupabaseAnswer(400, JSON.stringify({ statusCode: "409", code: "KeyAlreadyExists" }));
    expect(
      recallSupabaseAnswer({}, { httpStatus: 502, message: "<html>Bad Gateway</html>" }),
    ).toBeUndefined();
  });
});
