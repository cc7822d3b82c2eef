// Prints the closing line CI reads, `N passed, N failed`, from the plain checks
// and vitest's JSON reports. A report that is missing (the runner crashed) or
// that ran no test counts as a failure: silence is never green.
import { readFileSync } from 'node:fs';

const [checksPassed, checksFailed, ...reports] = process.argv.slice(2);
let passed = Number(checksPassed);
let failed = Number(checksFailed);
for (const file of reports) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests + report.numPendingTests + report.numTodoTests;
    if (report.numTotalTests === 0 || report.success === false && report.numFailedTests === 0) failed += 1;
  } catch {
    console.error(`count-results: no readable report at ${file}`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
