// Prints "N passed, N failed" from vitest's JSON report (for .ci/run).
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'reports/vitest.json';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`test-summary: no test report at ${file}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
// A file that fails outside its tests (a hook, an import) fails no test and skips the rest: it counts as one
// failure, so that the line never says 0 failed for a run that failed.
const brokenFiles = (report.testResults ?? []).filter(
  (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((t) => t.status === 'failed'),
).length;
const failed = report.numFailedTests + brokenFiles;
console.log(`${report.numPassedTests} passed, ${failed} failed`);
process.exit(failed === 0 && report.numTotalTests > 0 ? 0 : 1);
