// Bundled and run by Deno: `deno run <bundle> <s3 endpoint> <refused url>`; prints one JSON line.
import { guardedGet, normalizeSlowDown, rawFetchFailure } from "../scenarios.js";

declare const Deno: { args: string[]; version: { deno: string } };

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
};
console.log(JSON.stringify(report));
