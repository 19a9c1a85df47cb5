// Adds up the test runners' JSON reports into the one closing line CI reads.
import fs from 'node:fs';
import path from 'node:path';

const [folder, failedStepCount, ...failedSteps] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of fs.existsSync(folder) ? fs.readdirSync(folder) : []) {
  const report = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
  if ('numPassedTests' in report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  } else if (report.stats) {
    passed += report.stats.expected;
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
  }
}
console.log('');
if (Number(failedStepCount) > 0) console.log(`Failed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(Number(failedStepCount) > 0 || failed > 0 || passed === 0 ? 1 : 0);
