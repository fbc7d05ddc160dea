import type { NormalizeContext } from "../errors/context.js";
import { PROVIDERS, type Provider } from "../errors/kinds.js";
import { formatExplanation } from "./format-explanation.js";
import { readInput } from "./read-input.js";

/** What a run of the CLI prints and how it exits. */
export interface CliResult {
  stdout: string;
  stderr: string;
  /** 0: explained; 2: a usage error or an input that is not a storage error. */
  exitCode: number;
}

/** The help text of `bucketguard`. */
export const USAGE = `Usage: bucketguard explain [--provider <name>] [--status <code>] [--json] [input]

Explains a storage error: its kind, canonical code, retry class, what bucketguard's
default policy does with it, the recommended fix and its row in docs/errors.md.

The input is the argument, or standard input when there is none:
  an S3 XML error body          '<Error><Code>SlowDown</Code>...</Error>'
  a Supabase Storage JSON body  '{"statusCode":"404","error":"not_found","message":"..."}'
  an R2 binding message         'put: Reduce your concurrent request rate ... (10058)'
  an HTTP response              as \`curl -i\` prints it: status line, headers, body
  an SDK error as JSON          '{"name":"NoSuchKey","$metadata":{"httpStatusCode":404}}'
  an error code                 SlowDown, NoSuchKey, ExpiredToken ...

Options:
  --provider <name>  who answered: ${PROVIDERS.join(", ")} (default: detected)
  --status <code>    the HTTP status the body came with
  --json             print the StorageError as JSON
  -h, --help         show this help

Exit status: 0 explained, 2 a usage error or an input that is not a storage error.`;

interface Parsed {
  help: boolean;
  json: boolean;
  provider: Provider | undefined;
  status: number | undefined;
  input: string | undefined;
}

/** Parses the arguments after the program name; a string is a usage error. */
export function parseArgs(args: readonly string[]): Parsed | string {
  const parsed: Parsed = {
    help: false,
    json: false,
    provider: undefined,
    status: undefined,
    input: undefined,
  };
  const [command, ...rest] = args;
  if (command === undefined || command === "-h" || command === "--help" || command === "help") {
    return { ...parsed, help: true };
  }
  if (command !== "explain") return `unknown command "${command}"`;
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? "";
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=") ? splitOnce(arg) : [arg, undefined];
    const value = (): string | undefined => inline ?? rest[++i];
    if (flag === "-h" || flag === "--help") parsed.help = true;
    else if (flag === "--json") parsed.json = true;
    else if (flag === "--provider") {
      const name = value();
      if (!PROVIDERS.includes(name as Provider)) {
        return `--provider must be one of ${PROVIDERS.join(", ")}; got ${name === undefined ? "nothing" : `"${name}"`}`;
      }
      parsed.provider = name as Provider;
    } else if (flag === "--status") {
      const text = value();
      const status = Number(text);
      if (text === undefined || !/^\d{3}$/.test(text) || status < 100) {
        return `--status must be an HTTP status code (100-999); got ${text === undefined ? "nothing" : `"${text}"`}`;
      }
      parsed.status = status;
    } else if (flag === "--") {
      positional.push(...rest.slice(i + 1));
      break;
    } else if (flag.startsWith("-") && flag.length > 1 && !/^-\d/.test(flag)) {
      return `unknown option "${flag}"`;
    } else positional.push(arg);
  }
  if (positional.length > 0) parsed.input = positional.join(" ");
  return parsed;
}

function splitOnce(arg: string): [string, string] {
  const at = arg.indexOf("=");
  return [arg.slice(0, at), arg.slice(at + 1)];
}

/**
 * Runs the CLI on `args` (without the program name). `readStdin` is called only when no input
 * was given as an argument; it returns undefined when standard input is a terminal.
 */
export async function runCli(
  args: readonly string[],
  readStdin: () => Promise<string | undefined>,
): Promise<CliResult> {
  const parsed = parseArgs(args);
  if (typeof parsed === "string") return usageError(parsed);
  if (parsed.help) return { stdout: `${USAGE}\n`, stderr: "", exitCode: 0 };
  const text = parsed.input ?? (await readStdin());
  if (text === undefined)
    return usageError("no input: pass it as an argument or on standard input");
  const context: NormalizeContext = { provider: parsed.provider };
  const result = readInput(text, { context, status: parsed.status });
  if (!result.ok) {
    return { stdout: "", stderr: `bucketguard explain: ${result.message}.\n`, exitCode: 2 };
  }
  const stdout = parsed.json
    ? JSON.stringify(result.error, null, 2)
    : formatExplanation(result.error, result.form);
  return { stdout: `${stdout}\n`, stderr: "", exitCode: 0 };
}

function usageError(message: string): CliResult {
  return {
    stdout: "",
    stderr: `bucketguard: ${message}.\nRun \`bucketguard --help\` for usage.\n`,
    exitCode: 2,
  };
}
