// Parsers for the provider error tables in test/fixtures/seeds/, read at test time.
import { readFileSync } from "node:fs";

/** One code as a seed document lists it. */
export interface SeedRow {
  readonly code: string;
  /** null where the seed gives none (`-`, `N/A`). */
  readonly status: number | null;
  /** R2 only: the Workers binding number. */
  readonly r2Code?: number;
}

const SEEDS_DIR = new URL("../fixtures/seeds/", import.meta.url);

/** The lines of one seed file. */
export function readSeed(name: string): string[] {
  return readFileSync(new URL(name, SEEDS_DIR), "utf8").split(/\r?\n/);
}

/** R2 markdown rows: `| 10002 | Unauthorized | 401 | ... |`. */
export function parseR2Seed(lines: readonly string[]): SeedRow[] {
  return lines.flatMap((line) => {
    const match = /^\|\s*(\d+)\s*\|\s*(\w+)\s*\|\s*(\d{3})\s*\|/.exec(line);
    if (match === null) return [];
    const [, r2Code = "", code = "", status = ""] = match;
    return [{ code, status: Number(status), r2Code: Number(r2Code) }];
  });
}

/** Supabase code list: `CodeDescription.STATUSFix`, the code glued to a capitalised description. */
export function parseSupabaseCodes(lines: readonly string[]): SeedRow[] {
  return lines.flatMap((line) => {
    const match = /^(\S+) .*?\.(\d{3}|-)[A-Z]/.exec(line);
    if (match === null) return [];
    const [, firstWord = "", status = ""] = match;
    // The description's first word is the last capitalised run of the first token: InvalidJWT|The.
    const start = /[A-Z][a-z]*$/.exec(firstWord);
    if (start === null || start.index === 0) return [];
    return [
      { code: firstWord.slice(0, start.index), status: status === "-" ? null : Number(status) },
    ];
  });
}

/** Supabase legacy headings: `404 not_found`, `429 too many requests`. */
export function parseSupabaseLegacy(lines: readonly string[]): SeedRow[] {
  return lines.flatMap((line) => {
    const match = /^(\d{3}) ([a-z_ ]+)$/.exec(line.trim());
    if (match === null) return [];
    const [, status = "", code = ""] = match;
    return [{ code, status: Number(status) }];
  });
}

// The row ends in "<status> <reason> <SOAP prefix>"; a "200 OK" inside the description is not it.
function statusOf(text: string): number | null | undefined {
  const match = /\s(\d{3}) [A-Z][A-Za-z ]*? (?:Client|Server|N\/A)\s*$/.exec(text);
  if (match !== null) return Number(match[1]);
  return /\sN\/A (?:Client|Server)\s*$/.test(text) ? null : undefined;
}

/** S3 REST list: `Code Description 403 Forbidden Client`; a status may sit on the next line. */
export function parseS3List(lines: readonly string[]): SeedRow[] {
  const rows: SeedRow[] = [];
  lines.forEach((line, index) => {
    // A code is one CamelCase token followed by a capitalised description ("The email ..." is not).
    const match = /^([A-Z][A-Za-z0-9]+) ([A-Z].*)$/.exec(line.trim());
    if (match === null) return;
    const [, code = "", rest = ""] = match;
    let status = statusOf(` ${rest}`);
    if (status === undefined) {
      const next = lines.slice(index + 1).find((candidate) => candidate.trim() !== "");
      const nextStatus = next === undefined ? null : /^(\d{3}) /.exec(next.trim());
      if (nextStatus === null) return;
      status = Number(nextStatus[1]);
    }
    rows.push({ code, status });
  });
  return rows;
}

/** IBM markdown rows: `| Code | Description | 403 Forbidden |`. */
export function parseIbmSeed(lines: readonly string[]): SeedRow[] {
  return lines.flatMap((line) => {
    const match = /^\|\s*([A-Za-z]+)\s*\|.*\|\s*(\d{3})\b[^|]*\|\s*$/.exec(line);
    if (match === null) return [];
    const [, code = "", status = ""] = match;
    return [{ code, status: Number(status) }];
  });
}

/** Yandex YFM rows: ``|| 400 | `Code` | ... ||``. */
export function parseYandexSeed(lines: readonly string[]): SeedRow[] {
  return lines.flatMap((line) => {
    const match = /^\|\|\s*(\d{3})\s*\|\s*`([^`]+)`/.exec(line);
    if (match === null) return [];
    const [, status = "", code = ""] = match;
    return [{ code, status: Number(status) }];
  });
}

/** Seed file names by provider. */
export const SEED_FILES = {
  r2: "000_a85d589b2817745f.txt",
  supabase: "001_f828e0cfb2dd24c1.txt",
  aws: "002_b36814a656935404.txt",
  ibm: "003_0a32a6c4eab0bb82.txt",
  yandex: "004_7d25f58d654f8864.txt",
} as const;
