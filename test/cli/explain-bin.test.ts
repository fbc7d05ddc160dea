import { readFileSync, statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalize, normalizeResponse } from "../../src/index.js";
import { type BinRun, buildCli } from "./build-cli.js";

let cli: Awaited<ReturnType<typeof buildCli>>;
beforeAll(async () => {
  cli = await buildCli();
}, 60_000);
afterAll(() => cli?.remove());

const ERRORS_DOC = readFileSync("docs/errors.md", "utf8");

/** The `label  value` lines of a human explanation, as a map (continuation lines dropped). */
function fieldsOf(run: BinRun): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of run.stdout.split("\n")) {
    const match = /^(\S(?:.*?\S)?)\s{2,}(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) fields[match[1]] = match[2];
  }
  return fields;
}

/** Checks that the explanation links to an anchor docs/errors.md has. */
function expectDocsAnchor(fields: Record<string, string>, anchor: string): void {
  expect(fields.docs).toBe(`docs/errors.md#${anchor}`);
  expect(ERRORS_DOC).toContain(`<a id="${anchor}"></a>`);
}

const slowDownXml =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>';

describe("bucketguard explain (the built binary)", () => {
  it("is built as an executable ESM file with a shebang", () => {
    expect(readFileSync(cli.bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(statSync(cli.bin).mode & 0o111).not.toBe(0);
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
      bin?: Record<string, string>;
    };
    expect(pkg.bin?.bucketguard).toBe("./dist/cli.js");
  });

  it("prints help with --help and with no command, exit 0", async () => {
    for (const args of [["--help"], ["explain", "--help"], []]) {
      const run = await cli.exec(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("Usage: bucketguard explain");
      expect(run.stdout).toContain("--provider");
    }
  });

  it("explains an S3 XML body given as an argument", async () => {
    const run = await cli.exec(["explain", slowDownXml]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const fields = fieldsOf(run);
    expect(fields).toMatchObject({
      "read as": "S3 XML body",
      kind: "throttled",
      code: "SlowDown",
      status: "503",
      "retry class": "throttling",
      "request id": "4442587FB7D0A2F9",
      "default policy": "retried: up to 3 attempts in all (6 with the AWS SDK plugin)",
    });
    expect(run.stdout).toContain("retry 1: 0–1000 ms (full jitter)");
    expect(fields.hint).toBe(normalizeResponse({ status: 503, body: slowDownXml }).hint);
    expectDocsAnchor(fields, "aws-slowdown");
  });

  it("explains a Supabase JSON body on standard input, with the status inside the body", async () => {
    const body = '{"statusCode":"404","error":"not_found","message":"Object not found"}';
    const run = await cli.exec(["explain"], body);
    const fields = fieldsOf(run);
    expect(fields).toMatchObject({
      "read as": "Supabase JSON body",
      kind: "not_found",
      status: "404",
      "provider code": "not_found (supabase)",
      "retry class": "never",
      "default policy": "not retried",
    });
    expect(ERRORS_DOC).toContain(`<a id="${fields.docs?.split("#")[1]}"></a>`);
  });

  it("explains an R2 binding message and links its R2 number's row", async () => {
    const run = await cli.exec([
      "explain",
      "put: Reduce your concurrent request rate for the same object. (10058)",
    ]);
    const fields = fieldsOf(run);
    expect(fields).toMatchObject({
      "read as": "R2 binding message",
      kind: "throttled",
      "provider code": "10058 (r2)",
      "retry class": "throttling",
    });
    expectDocsAnchor(fields, "r2-10058");
  });

  it("explains an HTTP response as curl -i prints it, honouring its Retry-After", async () => {
    const response = [
      "HTTP/1.1 100 Continue",
      "",
      "HTTP/1.1 503 Slow Down",
      "x-amz-request-id: 4442587FB7D0A2F9",
      "Retry-After: 5",
      "Content-Type: application/xml",
      "",
      slowDownXml,
    ].join("\r\n");
    const run = await cli.exec(["explain"], response);
    const fields = fieldsOf(run);
    expect(fields).toMatchObject({
      "read as": "HTTP response",
      code: "SlowDown",
      status: "503",
      "retry after": "5000 ms",
      hints: "the server hinted 5000 ms: the retry waits 5000 ms (hints are honoured up to 20 s)",
    });
  });

  it("explains an AWS SDK error serialized as JSON", async () => {
    const sdkError = {
      name: "NoSuchKey",
      $fault: "client",
      $metadata: { httpStatusCode: 404, requestId: "R1", attempts: 1, totalRetryDelay: 0 },
      Code: "NoSuchKey",
      Key: "reports/2026.csv",
      message: "The specified key does not exist.",
    };
    const run = await cli.exec(["explain", JSON.stringify(sdkError)]);
    const fields = fieldsOf(run);
    expect(fields).toMatchObject({
      "read as": "SDK error",
      kind: "not_found",
      code: "NoSuchKey",
      status: "404",
      "provider code": "NoSuchKey (aws)",
      "default policy": "not retried",
    });
    expectDocsAnchor(fields, "aws-nosuchkey");
  });

  it("takes --provider and --status for a bare body", async () => {
    const run = await cli.exec([
      "explain",
      "--provider",
      "yandex",
      "--status=412",
      "<Error><Code>Precondition Failed</Code></Error>",
    ]);
    const fields = fieldsOf(run);
    expect(fields).toMatchObject({
      kind: "precondition_failed",
      code: "PreconditionFailed",
      status: "412",
      "provider code": "Precondition Failed (yandex)",
    });
    expectDocsAnchor(fields, "yandex-preconditionfailed");
  });

  it("explains a bare code, and a status no table knows by the status table", async () => {
    const fields = fieldsOf(await cli.exec(["explain", "ExpiredToken"]));
    expect(fields).toMatchObject({ kind: "unauthenticated", "retry class": "credentials" });
    expect(fields["default policy"]).toBe("retried: up to 2 attempts in all");
    const byStatus = fieldsOf(await cli.exec(["explain", "--status", "502", "<Error></Error>"]));
    expect(byStatus).toMatchObject({ kind: "unavailable", "retry class": "transient" });
    expectDocsAnchor(byStatus, "status-502");
  });

  it("--json prints the StorageError's JSON", async () => {
    const run = await cli.exec(["explain", "--json", slowDownXml]);
    expect(run.code).toBe(0);
    const expected = normalizeResponse({ status: 0, body: slowDownXml });
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    const r2 = await cli.exec(["explain", "--json", "get: Client Disconnect (10054)"]);
    const parsed = JSON.parse(r2.stdout) as { kind: string; code: string };
    const direct = normalize(new Error("get: Client Disconnect (10054)"), { provider: "r2" });
    expect(parsed).toMatchObject({ kind: direct.kind, code: direct.code });
  });

  it.each([
    [["explain", "this is not an error at all"], "not a storage error"],
    [["explain", "{not json"], "not valid JSON"],
    [["explain", "--status", "abc", "x"], "--status must be an HTTP status code"],
  ])("rejects %j with exit 2 and a clear message, no stack trace", async (args, message) => {
    const run = await cli.exec(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("never shows a signature or token from the input", async () => {
    const response = [
      "HTTP/1.1 403 Forbidden",
      "Content-Type: application/xml",
      "",
      "<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match.</Message><StringToSign>AWS4-HMAC-SHA256\n20260101T000000Z\nscope\nabc</StringToSign><SignatureProvided>deadbeefcafe0123</SignatureProvided></Error>",
    ].join("\r\n");
    for (const args of [["explain"], ["explain", "--json"]]) {
      const run = await cli.exec(args, response);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("SignatureDoesNotMatch");
      expect(run.stdout).not.toContain("deadbeefcafe0123");
      expect(run.stdout).not.toContain("20260101T000000Z");
    }
  });
});
