import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { NormalizeContext } from "../../src/errors/context.js";

/** One wire sample in test/fixtures/<provider>/ and what it must normalize to. */
export interface FixtureCase {
  /** The provider fact this sample demonstrates. */
  fact: string;
  body: string;
  input: "response" | "thrown";
  response?: { status: number; headers: Record<string, string> };
  thrown?: { name: string; props: Record<string, unknown> };
  context: NormalizeContext;
  expected: Record<string, unknown>;
  /** Secrets that must appear nowhere on the error. */
  absent?: string[];
}

const ROOT = join(import.meta.dirname, "../fixtures");

/** A provider's wire samples: name, spec and body text. */
export function loadWireFixtures(provider: string): [string, FixtureCase, string][] {
  const dir = join(ROOT, provider);
  return readdirSync(dir)
    .filter((file) => file.endsWith(".expected.json"))
    .map((file) => {
      const spec = JSON.parse(readFileSync(join(dir, file), "utf8")) as FixtureCase;
      return [file.replace(".expected.json", ""), spec, readFileSync(join(dir, spec.body), "utf8")];
    });
}
