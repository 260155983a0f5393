/**
 * Prints `N passed, N failed, N skipped` as the very last line of the run.
 * A session that failed without test results (a file that failed to import) counts as one failure.
 */
export function summaryReporter() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;

  const walk = (suite) => {
    for (const test of suite.tests ?? []) {
      if (test.skipped) skipped += 1;
      else if (test.passed) passed += 1;
      else failed += 1;
    }
    for (const child of suite.suites ?? []) walk(child);
  };

  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        if (!session.passed && session.errors?.length) failed += 1;
      }
    },
    stop() {
      // Printed on exit so it lands after the default reporter's final progress block.
      process.once('exit', () => process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`));
    },
  };
}
