import { readFileSync } from "node:fs";
import { join } from "node:path";

/** One request/answer pair recorded from Supabase Storage 1.11.2. */
export interface RecordedExchange {
  method: string;
  /** Path inside storage-api (`/object/bg-main/a.txt`), query elided as `token=…`. */
  url: string;
  status: number;
  headers: Record<string, string>;
  /** Absent on success answers: the recording kept only error bodies. */
  body?: string;
}

/** One recorded storage-js call and every exchange it made. */
export interface RecordedCase {
  id: string;
  call: string;
  /** storage-js versions the exchanges hold for (`"2.109.0, 2.119.1"`). */
  storageJs: string;
  wire: RecordedExchange[];
}

/** The fields of a StorageError each case asserts. */
export interface ExpectedError {
  kind: string;
  code: string;
  status: number;
  retry: string;
  providerCode?: string;
}

/** One storage-js call of a replay. */
export interface ReplayStep {
  call: string;
  bucket?: string;
  args: unknown[];
  /** What unwrap returns for an intermediate step that succeeds. */
  data?: unknown;
}

/** What a recorded case must become (test/fixtures/supabase/recorded/expected.json). */
export interface ExpectedCase {
  id: string;
  storageJs?: string;
  fact?: string;
  standIn?: boolean;
  steps: ReplayStep[];
  bodies?: Record<string, string>;
  error?: ExpectedError;
  answer?: ExpectedError;
  data?: unknown;
}

const DIR = join(import.meta.dirname, "../../fixtures/supabase/recorded");

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(join(DIR, name), "utf8")) as T;
}

/** The storage-js versions under test, as the recording names them. */
export const VERSIONS = ["2.109.0", "2.119.1"] as const;
export type StorageJsVersion = (typeof VERSIONS)[number];

/** A recorded case paired with its expectation. */
export interface ReplayCase {
  recorded: RecordedCase;
  expected: ExpectedCase;
  versions: StorageJsVersion[];
}

/** Every recorded case with its expectation; throws when the two files do not match one to one. */
export function loadReplayCases(): ReplayCase[] {
  const recorded = readJson<{ cases: RecordedCase[] }>("answers.json").cases;
  const expected = readJson<{ cases: ExpectedCase[] }>("expected.json").cases;
  if (recorded.length !== expected.length) {
    throw new Error(`${recorded.length} recorded cases, ${expected.length} expectations`);
  }
  const used = new Set<ExpectedCase>();
  const replays = recorded.map((record) => {
    const expectation = expected.find(
      (candidate) =>
        candidate.id === record.id &&
        (candidate.storageJs === undefined || candidate.storageJs === record.storageJs),
    );
    if (expectation === undefined || used.has(expectation)) {
      throw new Error(`no expectation of its own for recorded case ${record.id}`);
    }
    used.add(expectation);
    const versions = VERSIONS.filter((version) => record.storageJs.includes(version));
    return { recorded: record, expected: expectation, versions };
  });
  return replays;
}

/** A case's name in test titles: its id, and its versions when the id is recorded twice. */
export function caseName(replay: ReplayCase): string {
  const { id, storageJs } = replay.recorded;
  return replay.expected.storageJs === undefined ? id : `${id} (storage-js ${storageJs})`;
}

/** The fields asserted, picked from a StorageError-like value. */
export function pickAsserted(error: {
  kind: string;
  code: string;
  status?: number | undefined;
  retry: string;
  providerCode?: string | number | undefined;
}): Record<string, unknown> {
  const picked: Record<string, unknown> = {
    kind: error.kind,
    code: error.code,
    status: error.status,
    retry: error.retry,
  };
  if (error.providerCode !== undefined) picked.providerCode = error.providerCode;
  return picked;
}
