// Generates docs/errors.md from the catalogue. `--check` fails when the file is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  catalogueAnchor,
  labelAnchor,
  statusAnchor,
  tableOfRow,
} from "../src/cli/errors-doc-anchor.js";
import { CEPH_CODES_AS_AWS } from "../src/errors/catalogue/ceph.js";
import { IBM_CODES_AS_AWS } from "../src/errors/catalogue/ibm.js";
import {
  CATALOGUES,
  type CatalogueProvider,
  type CatalogueRow,
  CLASSIFIED_STATUSES,
  classifyStatus,
  supabaseLabelRows,
} from "../src/errors/catalogue/index.js";
import { KIND_HINTS } from "../src/errors/catalogue/kind-hints.js";
import { supabaseMessageRows } from "../src/errors/catalogue/supabase.js";
import { SUPABASE_DOCUMENTED_STATUSES } from "../src/errors/catalogue/supabase-documented-statuses.js";
import { YANDEX_CODES_AS_AWS } from "../src/errors/catalogue/yandex.js";
import { STORAGE_ERROR_KINDS, type StorageErrorKind } from "../src/errors/kinds.js";

/** Where the generated catalogue page lives. */
export const ERRORS_DOC_PATH = fileURLToPath(new URL("../docs/errors.md", import.meta.url));

interface Section {
  readonly provider: CatalogueProvider;
  readonly title: string;
  readonly note: string;
  /** Codes the provider sends that read exactly as in the S3 table (listed, not repeated). */
  readonly asAws?: readonly string[];
}

const SECTIONS: readonly Section[] = [
  {
    provider: "aws",
    title: "Amazon S3 (base dialect)",
    note: "Every other provider falls back on this table for codes it does not define itself.",
  },
  {
    provider: "r2",
    title: "Cloudflare R2",
    note: "The Workers binding ends its messages with the number in the R2 column; the S3 API sends the code.",
  },
  {
    provider: "supabase",
    title: "Supabase Storage",
    note: "Status is the body's `statusCode` (the HTTP status is usually 400); where Supabase's docs give another figure it follows as `(docs: N)`.",
  },
  {
    provider: "ibm",
    title: "IBM Cloud Object Storage",
    note: "S3 dialect; a vault is a bucket. Only the codes IBM means otherwise than S3 are listed.",
    asAws: IBM_CODES_AS_AWS,
  },
  {
    provider: "yandex",
    title: "Yandex Object Storage",
    note: "S3 dialect; `Precondition Failed` (with a space) is read as `PreconditionFailed`. Only the codes Yandex means otherwise than S3 are listed.",
    asAws: YANDEX_CODES_AS_AWS,
  },
  {
    provider: "ceph",
    title: "Ceph RADOS Gateway (radosgw)",
    note: "Told by its request id (`tx…-…-<zonegroup>`). Most of its errors carry an empty `<Message>`. Only the codes S3 lacks or means otherwise are listed; the admin, IAM and STS codes come from the same gateway.",
    asAws: CEPH_CODES_AS_AWS,
  },
];

function renderAsAws(codes: readonly string[]): string[] {
  const list = codes.map((code) => `\`${code}\``).join(", ");
  return [`Also sent, and read exactly as in the Amazon S3 table: ${list}.`, ""];
}

/** Statuses shown in the fallback table beyond those with an entry of their own. */
const EXTRA_STATUSES: readonly number[] = [418, 422, 520, 599];

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function formatStatus(row: CatalogueRow): string {
  const status = row.status === null ? "-" : String(row.status);
  const documented =
    tableOfRow(row) === "supabase" ? SUPABASE_DOCUMENTED_STATUSES[row.code] : undefined;
  return documented === undefined ? status : `${status} (docs: ${documented})`;
}

function formatCode(row: CatalogueRow): string {
  const aliases = row.aliases?.map((alias) => `\`${alias}\``).join(", ");
  return aliases === undefined ? `\`${row.code}\`` : `\`${row.code}\` (also ${aliases})`;
}

// A row without a hint of its own shows its kind's default, in italics.
function hintCell(row: { readonly hint?: string | undefined; readonly kind: StorageErrorKind }) {
  return row.hint === undefined ? `*${cell(KIND_HINTS[row.kind])}*` : cell(row.hint);
}

// Each row ends with an anchor, so tools (`bucketguard explain`) can link to it.
function anchor(id: string): string {
  return ` <a id="${id}"></a>`;
}

// Columns are padded to equal width, as Markdown formatters leave them, so formatting is a no-op.
function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) =>
    Math.max(3, title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${widths.map((width, column) => (cells[column] ?? "").padEnd(width)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)];
}

function rowAnchor(row: CatalogueRow): string {
  const table = tableOfRow(row);
  return table === undefined ? "" : anchor(catalogueAnchor(table, row));
}

function renderCatalogue(rows: readonly CatalogueRow[], withR2: boolean): string[] {
  const header = withR2
    ? ["Code", "R2", "Status", "Kind", "Retry", "Hint"]
    : ["Code", "Status", "Kind", "Retry", "Hint"];
  return renderTable(
    header,
    rows.map((row) => {
      const hint = hintCell(row) + rowAnchor(row);
      const cells = [formatCode(row), formatStatus(row), row.kind, row.retry, hint];
      if (withR2) cells.splice(1, 0, row.r2Code === undefined ? "" : String(row.r2Code));
      return cells;
    }),
  );
}

function renderLabels(): string[] {
  return [
    "### Supabase legacy `error` labels",
    "",
    "Older servers send a label in `error` and no `code`. Labels compare without white space and case.",
    "",
    ...renderTable(
      ["Label", "Read as", "Status", "Kind", "Retry", "Hint"],
      supabaseLabelRows().map((row) => [
        `\`${row.label}\``,
        `\`${row.code}\``,
        String(row.status),
        row.kind,
        row.retry,
        hintCell(row) + anchor(labelAnchor(row.label)),
      ]),
    ),
  ];
}

function renderMessages(): string[] {
  return [
    "### Supabase messages",
    "",
    "Read where the code is missing (storage-js before 2.112 drops it) or, under the codes in the last",
    "column, where it says too little: the server wraps every JWT failure in `AccessDenied` or `InvalidJWT`",
    "with the JWT library's message. Messages compare by their start, in lower case.",
    "",
    ...renderTable(
      ["Message starts", "Body status", "Read as", "Kind", "Retry", "Overrides"],
      supabaseMessageRows().map((row) => [
        `\`${cell(row.message)}\``,
        row.statuses.join(", "),
        `\`${row.code}\``,
        row.kind,
        row.retry,
        (row.refines ?? []).map((code) => `\`${code}\``).join(", "),
      ]),
    ),
  ];
}

function renderKindHints(): string[] {
  return [
    "## Default hints by kind",
    "",
    "An error whose row gives no hint of its own (shown in italics in the tables below), or that has no",
    "row at all (a network failure, a status without a code), carries its kind's default hint.",
    "",
    ...renderTable(
      ["Kind", "Default hint"],
      STORAGE_ERROR_KINDS.map((kind) => [kind, cell(KIND_HINTS[kind])]),
    ),
  ];
}

function renderStatusFallback(): string[] {
  const statuses = [...CLASSIFIED_STATUSES, ...EXTRA_STATUSES].sort((a, b) => a - b);
  return [
    "## Fallback by HTTP status",
    "",
    "A code no table knows (MinIO, a gateway's HTML page, a bodiless HEAD) is classified by its status.",
    "Statuses not listed: other 4xx as 400, other 5xx as 500; no status at all is `unknown`/`never`.",
    "",
    ...renderTable(
      ["Status", "Code", "Kind", "Retry"],
      statuses.map((status) => {
        const { code, kind, retry } = classifyStatus(status);
        return [String(status), `\`${code}\``, kind, retry + anchor(statusAnchor(status))];
      }),
    ),
  ];
}

/** The full text of docs/errors.md, as generated from the catalogue. */
export function renderErrorsDoc(): string {
  const lines = [
    "# Error catalogue",
    "",
    "<!-- Generated by scripts/generate-docs.ts from src/errors/catalogue: do not edit. Run `npm run docs`. -->",
    "",
    "Every provider error becomes a `StorageError` with a `kind`, a canonical `code`, the `status` the provider",
    "meant, a `retry` class and a one-line `hint`. These tables are what `normalize()` reads. Codes compare",
    "without white space and case; a provider's own table is searched first, then the S3 table. Rows of",
    "kind `unknown` are listed for reference only: such errors are classified by their HTTP status.",
    "",
    ...renderKindHints(),
    "",
  ];
  for (const section of SECTIONS) {
    lines.push(`## ${section.title}`, "", section.note, "");
    lines.push(...renderCatalogue(CATALOGUES[section.provider], section.provider === "r2"), "");
    if (section.asAws !== undefined) lines.push(...renderAsAws(section.asAws));
    if (section.provider === "supabase") lines.push(...renderLabels(), "", ...renderMessages(), "");
  }
  lines.push(...renderStatusFallback());
  return `${lines.join("\n")}\n`;
}

function main(argv: readonly string[]): number {
  const expected = renderErrorsDoc();
  if (!argv.includes("--check")) {
    writeFileSync(ERRORS_DOC_PATH, expected);
    console.log(`wrote ${ERRORS_DOC_PATH}`);
    return 0;
  }
  let actual = "";
  try {
    actual = readFileSync(ERRORS_DOC_PATH, "utf8");
  } catch {
    actual = "";
  }
  if (actual === expected) return 0;
  console.error("docs/errors.md is out of date with src/errors/catalogue: run `npm run docs`.");
  return 1;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}
