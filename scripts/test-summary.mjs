// Prints "N passed, N failed" from vitest's JSON report (for .ci/run).
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'reports/vitest.json';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`test-summary: no test report at ${file}: ${error.message}`);
  process.exit(1);
}
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed`);
process.exit(report.numFailedTests === 0 && report.numTotalTests > 0 ? 0 : 1);
