import { fileURLToPath } from "node:url";
import { Application, type DeclarationReflection } from "typedoc";
import { describe, expect, it } from "vitest";
import { undocumentedMembers } from "../../scripts/api-doc-coverage.js";

const FIXTURE = fileURLToPath(new URL("../fixtures/api-docs/", import.meta.url));

async function undocumentedInFixture(): Promise<string[]> {
  const app = await Application.bootstrap({
    entryPoints: [`${FIXTURE}entry.ts`],
    tsconfig: `${FIXTURE}tsconfig.json`,
    logLevel: "Error",
    skipErrorChecking: true,
  });
  const project = await app.convert();
  if (project === undefined) throw new Error("TypeDoc could not convert the fixture");
  const decls = (project.children ?? []) as DeclarationReflection[];
  return undocumentedMembers("fixture", decls, project).map((m) => `${m.entry}: ${m.name}`);
}

describe("undocumentedMembers", () => {
  it("lists exactly the members without a comment, nested and union members included", async () => {
    expect((await undocumentedInFixture()).sort()).toEqual(
      [
        "fixture: Counter.missingReset",
        "fixture: MissingAlias",
        "fixture: NAMES.missingSecond",
        "fixture: Options.missing",
        "fixture: Options.missingMethod",
        "fixture: Options.nested.missingInner",
        'fixture: Verdict[verdict="go"].missingDelay',
        'fixture: Verdict[verdict="stop"].verdict',
        "fixture: configure(options).missingFlag",
      ].sort(),
    );
  }, 30_000);
});
