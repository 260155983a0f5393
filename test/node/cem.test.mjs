// custom-elements.json: committed, generated from JSDoc, and complete for every element.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { compareManifest } from '../../scripts/check-cem.mjs';

const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
const elements = manifest.modules.flatMap((mod) => (mod.declarations ?? []).filter((d) => d.customElement));
const TAGS = ['chat-desk', 'desk-provider', 'chat-box', 'message-filter', 'compose-area', 'state-box', 'visitor-panel'];

test('custom-elements.json is up to date (npm run analyze)', { timeout: 60_000 }, () => {
  const { upToDate, differences } = compareManifest();
  assert.ok(
    upToDate,
    `custom-elements.json is out of date; run npm run analyze and commit it:\n${differences.join('\n')}`,
  );
});

test('custom-elements.json describes every element with its tag, summary and styling API', () => {
  const problems = [];
  for (const tag of TAGS) {
    const element = elements.find((d) => d.tagName === tag);
    if (!element) {
      problems.push(`${tag}: missing`);
      continue;
    }
    if (!element.summary) problems.push(`${tag}: no @summary`);
    if (!element.description) problems.push(`${tag}: no description`);
    // desk-provider renders only a slot (display: contents): nothing to style.
    if (tag !== 'desk-provider' && !element.cssParts?.length) problems.push(`${tag}: no @csspart`);
    if (tag !== 'desk-provider' && !element.attributes?.length) problems.push(`${tag}: no attributes`);
  }
  assert.deepEqual(problems, []);
});

test('every event an element dispatches is documented with @fires', () => {
  const root = new URL('../../src/', import.meta.url);
  const eventsSource = readFileSync(new URL('events.ts', root), 'utf8');
  const names = new Map(
    [...eventsSource.matchAll(/class (Desk\w+Event)\b[\s\S]*?eventName = '([a-z-]+)'/g)].map(([, cls, name]) => [
      cls,
      name,
    ]),
  );
  const problems = [];
  for (const tag of TAGS) {
    const dir = new URL(`components/${tag}/`, root);
    const source = readdirSync(dir)
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(new URL(file, dir), 'utf8'))
      .join('\n');
    const dispatched = new Set([...source.matchAll(/new (Desk\w+Event)\(/g)].map(([, cls]) => names.get(cls) ?? cls));
    const documented = new Set((elements.find((d) => d.tagName === tag)?.events ?? []).map((event) => event.name));
    for (const name of dispatched)
      if (!documented.has(name)) problems.push(`${tag}: dispatches ${name} without @fires`);
  }
  assert.deepEqual(problems, []);
});
