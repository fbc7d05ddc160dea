// Bundled and run by Deno: `deno run <bundle> <s3 endpoint> <refused url>`; prints one JSON line.
import { guardedGet, normalizeSlowDown, rawFetchFailure } from "../scenarios.js";

declare const Deno: {
  args: string[];
  version: { deno: string };
  readTextFile(path: URL): Promise<string>;
};

/** The name of what `action` throws (Deno's NotCapable when a permission is missing). */
async function refusal(action: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await action();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.name : String(error);
  }
}

const [endpoint, refusedUrl] = Deno.args;
if (endpoint === undefined || refusedUrl === undefined) {
  throw new Error("usage: deno run smoke.js <s3 endpoint> <refused url>");
}

const report = {
  deno: Deno.version.deno,
  normalized: normalizeSlowDown(),
  afterReset: await guardedGet(`${endpoint}/exposed/after-reset`),
  after503: await guardedGet(`${endpoint}/exposed/after-503`),
  refusedRaw: await rawFetchFailure(refusedUrl),
  refusedGuarded: await guardedGet(refusedUrl, 2),
  // Loopback is allowed by address only, and reading by the script's own path only.
  netByHostname: await refusal(() =>
    fetch(new URL(endpoint).href.replace("127.0.0.1", "localhost")),
  ),
  readBeside: await refusal(() => Deno.readTextFile(new URL("./beside.txt", import.meta.url))),
};
console.log(JSON.stringify(report));
