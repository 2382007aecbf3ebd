// Adds up the Vitest JSON reports of every package and prints one closing line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const dir = new URL('../test-results/', import.meta.url);
const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')) : [];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of files) {
  const report = JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
  passed += report.numPassedTests;
  // A file that fails to load has no failed test of its own: count it as one failure.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  failed += report.numFailedTests + brokenFiles;
  skipped += report.numPendingTests + report.numTodoTests;
  console.log(
    `  ${name.replace('.json', '').padEnd(8)} ${report.numPassedTests} passed, ${report.numFailedTests} failed`,
  );
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
