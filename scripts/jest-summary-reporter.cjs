// Prints one closing line that CI reads whatever the runner: "Tests: N passed, N failed". When
// JEST_SUMMARY_FILE is set (scripts/test-all.mjs runs jest more than once), the counts are also
// appended there so the runner can print the total of all runs last.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS reporter, loaded by jest with require
const { appendFileSync } = require('node:fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed`;
    process.stdout.write(`\n${line}${skipped ? `, ${skipped} skipped` : ''}\n`);
    if (process.env.JEST_SUMMARY_FILE) {
      const counts = { passed: results.numPassedTests, failed: results.numFailedTests, skipped };
      appendFileSync(process.env.JEST_SUMMARY_FILE, `${JSON.stringify(counts)}\n`);
    }
  }
}
module.exports = SummaryReporter;
