import type { StorageError } from "../errors/storage-error.js";
import { describePolicy } from "./describe-policy.js";
import { errorsDocLink } from "./errors-doc-anchor.js";

/** The human-readable explanation of `error`, read from an input of the given `form`. */
export function formatExplanation(error: StorageError, form: string): string {
  const policy = describePolicy(error);
  const providerCode =
    error.providerCode === undefined ? "-" : `${String(error.providerCode)} (${error.provider})`;
  const rows: [string, string | undefined][] = [
    ["read as", form],
    ["kind", error.kind],
    ["code", error.code],
    ["provider code", providerCode],
    ["status", error.status === undefined ? "-" : String(error.status)],
    ["retry class", error.retry],
    ["message", error.message],
    ["request id", error.requestId],
    ["retry after", error.retryAfterMs === undefined ? undefined : `${error.retryAfterMs} ms`],
    ["default policy", policy.summary],
    ...policy.delays.map((delay): [string, string] => ["", delay]),
    ["when", policy.conditions],
    ["hints", policy.hints],
    ["hint", error.hint],
    ["docs", errorsDocLink(error)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows
    .filter((row): row is [string, string] => row[1] !== undefined && row[1] !== "")
    .map(([label, value]) => `${label.padEnd(width)}  ${value}`)
    .join("\n");
}
