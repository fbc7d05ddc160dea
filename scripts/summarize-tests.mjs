// Prints the plain "N passed, N failed" line CI reads, summed over vitest's JSON reports (one per
// Node version the suite ran on).
import { readFileSync } from "node:fs";

const paths = process.argv.length > 2 ? process.argv.slice(2) : [".vitest-report.json"];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const path of paths) {
  let report;
  try {
    report = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    console.log(`no test report at ${path}: ${error.message}`);
    failed += 1;
    continue;
  }
  passed += report.numPassedTests ?? 0;
  // Suites that failed to load count as failures: their tests never ran.
  failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
