import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalogueAnchor, findErrorsDocAnchor } from "../../src/cli/errors-doc-anchor.js";
import { parseArgs, runCli } from "../../src/cli/explain.js";
import {
  ALL_TABLES,
  CATALOGUES,
  type CatalogueProvider,
  lookupCode,
} from "../../src/errors/catalogue/index.js";
import { normalize, normalizeResponse } from "../../src/index.js";

const noStdin = async () => undefined;

describe("runCli", () => {
  it.each([
    [["explain", "this is not an error at all"], "not a storage error"],
    [["explain", "{not json"], "not valid JSON"],
    [["explain", "[1,2]"], "not a storage error"],
    [["explain", '{"hello":"world"}'], "none of the fields of an error"],
    [["explain", "<html><body>oops</body></html>"], "without an <Error> element"],
    [["explain", "HTTP/1.1 200 OK\r\n\r\nhello"], "is a success"],
    [["explain", "HTTP/1.1 503\r\nbroken header\r\n\r\n"], "not an HTTP header line"],
    [["explain", "   "], "the input is empty"],
    [["explain", "--status", "abc", "x"], "--status must be an HTTP status code"],
    [["explain", "--status"], "--status must be an HTTP status code (100-999); got nothing"],
    [["explain", "--provider", "gcs", "x"], "--provider must be one of"],
    [["explain", "--verbose", "x"], 'unknown option "--verbose"'],
    [["frobnicate"], 'unknown command "frobnicate"'],
  ])("rejects %j with exit 2 and one clear line", async (args, message) => {
    const result = await runCli(args, noStdin);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("asks for input when none is given and standard input is a terminal", async () => {
    const result = await runCli(["explain"], noStdin);
    expect(result).toMatchObject({ exitCode: 2 });
    expect(result.stderr).toContain("no input");
  });

  it("reads standard input only when no argument is given", async () => {
    let reads = 0;
    const stdin = async () => {
      reads++;
      return "NoSuchKey";
    };
    expect((await runCli(["explain", "SlowDown"], stdin)).stdout).toContain("SlowDown");
    expect(reads).toBe(0);
    expect((await runCli(["explain"], stdin)).stdout).toContain("NoSuchKey");
    expect(reads).toBe(1);
  });

  it("parses flags in both spellings, and `--` before an input that starts with a dash", () => {
    expect(parseArgs(["explain", "--provider=r2", "--status", "503", "--json", "x"])).toEqual({
      help: false,
      json: true,
      provider: "r2",
      status: 503,
      input: "x",
    });
    expect(parseArgs(["explain", "--", "--weird"])).toMatchObject({ input: "--weird" });
  });

  it("follows curl -i -L past a redirect to the final answer", async () => {
    const response = [
      "HTTP/1.1 301 Moved Permanently",
      "Location: https://elsewhere/",
      "",
      "HTTP/2 404",
      "content-type: application/xml",
      "",
      "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>",
    ].join("\n");
    const result = await runCli(["explain", response], noStdin);
    expect(result.stdout).toMatch(/^code +NoSuchBucket$/m);
    expect(result.stdout).toMatch(/^status +404$/m);
  });
});

describe("links to docs/errors.md", () => {
  const doc = readFileSync("docs/errors.md", "utf8");

  it("point every catalogue code at an anchor the page has", () => {
    for (const [table, rows] of Object.entries(CATALOGUES) as [
      CatalogueProvider,
      typeof CATALOGUES.aws,
    ][]) {
      for (const row of rows) {
        if (row.kind === "unknown") continue;
        const error =
          row.r2Code === undefined
            ? normalize({ code: row.code, status: row.status ?? undefined }, { provider: table })
            : normalize(new Error(`put: failed (${row.r2Code})`), { provider: "r2" });
        const anchor = findErrorsDocAnchor(error);
        expect(doc, `${table} ${row.code}`).toContain(`<a id="${anchor}"></a>`);
        // The link is this row's own, unless another row of the table reads the same code first.
        const readFirst =
          row.r2Code !== undefined || lookupCode(ALL_TABLES, table, row.code) === row;
        if (readFirst) expect(anchor, `${table} ${row.code}`).toBe(catalogueAnchor(table, row));
      }
    }
  });

  it("point every row at the row normalize read it by, not another of the same code", () => {
    // Supabase's pass-through S3Error is read by its status: the link is the status row.
    const passThrough = normalizeResponse(
      {
        status: 400,
        body: '{"statusCode":"503","code":"S3Error","error":"Service Unavailable","message":"backend down"}',
      },
      { provider: "supabase" },
    );
    expect(passThrough).toMatchObject({ code: "S3Error", kind: "unavailable" });
    expect(findErrorsDocAnchor(passThrough)).toBe("status-503");
  });

  it("point codes no table knows at their status row", () => {
    const error = normalize(
      { code: "XMinioBackendDown", status: 503 },
      { provider: "s3-compatible" },
    );
    expect(findErrorsDocAnchor(error)).toBe("status-503");
    expect(doc).toContain('<a id="status-503"></a>');
  });
});
