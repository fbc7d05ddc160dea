#!/usr/bin/env node
// The `bucketguard` command (Node): `bucketguard explain <input>`. See USAGE.
import { runCli } from "./explain.js";

/** Reads standard input to its end; undefined when it is a terminal (nothing piped in). */
async function readStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Uint8Array[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Uint8Array);
  return Buffer.concat(chunks).toString("utf8");
}

async function main(): Promise<void> {
  try {
    const result = await runCli(process.argv.slice(2), readStdin);
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    process.exitCode = result.exitCode;
  } catch (error) {
    // Never a stack trace: one line saying what failed.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`bucketguard: unexpected failure: ${message}\n`);
    process.exitCode = 1;
  }
}

void main();
