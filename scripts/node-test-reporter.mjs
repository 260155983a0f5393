// node:test reporter for scripts/test.mjs: one line per test, diagnostics, failure details, and a final
// machine-readable `NODE-TESTS {"passed":…,"failed":…,"skipped":…,"gated":[…]}` line.
// A gated test (run with `todo`, see scripts/test-gates.mjs) that fails counts as skipped and is listed.
export default async function* reporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, gated: [] };
  for await (const event of source) {
    const { type, data } = event;
    if (type === 'test:diagnostic' && data.file) yield `    # ${data.message}\n`;
    if (type !== 'test:pass' && type !== 'test:fail') continue;
    if (data.details?.type === 'suite') continue;
    const where = data.file ? ` (${data.file.replace(process.cwd() + '/', '')})` : '';
    if (data.skip !== undefined) {
      counts.skipped += 1;
      yield `  - skipped: ${data.name}${typeof data.skip === 'string' ? ` — ${data.skip}` : ''}\n`;
    } else if (type === 'test:pass') {
      counts.passed += 1;
      yield `  ✓ ${data.name}${data.todo ? ' (gated, passing)' : ''}\n`;
    } else if (data.todo !== undefined) {
      counts.skipped += 1;
      counts.gated.push(data.name);
      yield `  ~ gated: ${data.name} — ${firstLine(data.details?.error)}\n`;
    } else {
      counts.failed += 1;
      yield `  ✗ ${data.name}${where}\n${indent(String(data.details?.error?.cause?.message ?? data.details?.error?.message ?? data.details?.error ?? ''))}\n`;
    }
  }
  yield `NODE-TESTS ${JSON.stringify(counts)}\n`;
}

function firstLine(error) {
  return String(error?.cause?.message ?? error?.message ?? error ?? '').split('\n')[0];
}

function indent(text) {
  return text
    .split('\n')
    .slice(0, 40)
    .map((line) => `      ${line}`)
    .join('\n');
}
