/**
 * Prints `N passed, N failed, N skipped` as the very last line of the run, and before it one line
 * `FAILED <file> › <suite> › <test>: <first line of the error>` per failed test: CI keeps only the
 * tail of a long log, so the names of what failed must be in it.
 * A session that failed without test results (a file that failed to import) counts as one failure.
 */
export function summaryReporter() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failedLines = [];

  const firstLine = (text) =>
    String(text ?? '')
      .split('\n')[0]
      .slice(0, 300);

  const walk = (suite, file, path) => {
    for (const test of suite.tests ?? []) {
      if (test.skipped) skipped += 1;
      else if (test.passed) passed += 1;
      else {
        failed += 1;
        failedLines.push(`FAILED ${[file, ...path, test.name].join(' › ')}: ${firstLine(test.error?.message)}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, file, [...path, child.name]);
  };

  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        const file = session.testFile.replace(`${process.cwd()}/`, '');
        if (session.testResults) walk(session.testResults, file, []);
        if (!session.passed && session.errors?.length) {
          failed += 1;
          failedLines.push(`FAILED ${file}: ${firstLine(session.errors[0]?.message)}`);
        }
      }
    },
    stop() {
      // Printed on exit so it lands after the default reporter's final progress block.
      process.once('exit', () => {
        for (const line of failedLines) process.stdout.write(`${line}\n`);
        process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`);
      });
    },
  };
}
