// node:test reporter for scripts/test.mjs: one line per test, diagnostics, failure details, and a final
// machine-readable `NODE-TESTS {"passed":…,"failed":…,"skipped":…}` line.
export default async function* reporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    const { type, data } = event;
    if (type === 'test:diagnostic' && data.file) yield `    # ${data.message}\n`;
    if (type !== 'test:pass' && type !== 'test:fail') continue;
    if (data.details?.type === 'suite') continue;
    const where = data.file ? ` (${data.file.replace(process.cwd() + '/', '')})` : '';
    if (data.todo !== undefined && data.todo !== false) {
      // A known miss (e.g. a size budget not met yet): reported, not counted as a failure.
      counts.skipped += 1;
      yield `  - todo${type === 'test:fail' ? ' (still missed)' : ''}: ${data.name}${typeof data.todo === 'string' ? ` — ${data.todo}` : ''}\n`;
    } else if (data.skip !== undefined) {
      counts.skipped += 1;
      yield `  - skipped: ${data.name}${typeof data.skip === 'string' ? ` — ${data.skip}` : ''}\n`;
    } else if (type === 'test:pass') {
      counts.passed += 1;
      yield `  ✓ ${data.name}\n`;
    } else {
      counts.failed += 1;
      yield `  ✗ ${data.name}${where}\n${indent(String(data.details?.error?.cause?.message ?? data.details?.error?.message ?? data.details?.error ?? ''))}\n`;
    }
  }
  yield `NODE-TESTS ${JSON.stringify(counts)}\n`;
}

function indent(text) {
  return text
    .split('\n')
    .slice(0, 40)
    .map((line) => `      ${line}`)
    .join('\n');
}
