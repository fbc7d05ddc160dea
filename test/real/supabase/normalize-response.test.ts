// Every recorded Supabase Storage error answer, as bytes, through normalizeResponse.
import { describe, expect, it } from "vitest";
import { normalizeResponse } from "../../../src/index.js";
import { caseName, loadReplayCases, pickAsserted } from "./recorded-answers.js";

const cases = loadReplayCases();

describe("recorded Supabase answers through normalizeResponse", () => {
  for (const replay of cases) {
    const expected = replay.expected.answer ?? replay.expected.error;
    replay.recorded.wire.forEach((exchange, index) => {
      if (exchange.status < 400) return;
      it(`${caseName(replay)} #${index}: ${exchange.method} ${exchange.url} ${exchange.status}`, () => {
        if (expected === undefined) throw new Error("an error answer needs an expectation");
        const error = normalizeResponse({
          status: exchange.status,
          headers: exchange.headers,
          body: exchange.body,
        });
        expect(pickAsserted(error)).toEqual(expected);
        if (exchange.body) expect(error.provider).toBe("supabase");
      });
    });
  }

  it("covers every recorded error answer", () => {
    const errors = cases.flatMap((replay) => replay.recorded.wire.filter((w) => w.status >= 400));
    expect(errors).toHaveLength(48);
  });
});
