import { expect } from '@open-wc/testing';
import { buildRows, type MessageRow } from '../../src/components/chat-box/thread-rows.js';
import type { Message } from '../../src/model/types.js';
import { textMessage } from '../model/builders.js';

/** A text message at a local wall-clock time (the day separators follow the agent's calendar). */
function at(id: string, author: 'visitor' | 'agent', local: Date, iso = local.toISOString()): Message {
  return { ...textMessage(id, author, 0), at: iso };
}

describe('thread rows', () => {
  it('puts a day separator before the first message of each local day, and groups runs by author', () => {
    const day1 = new Date(2026, 10, 25, 23, 50);
    const messages = [
      at('a', 'visitor', day1),
      at('b', 'visitor', new Date(2026, 10, 25, 23, 52)),
      at('c', 'agent', new Date(2026, 10, 25, 23, 53)),
      // Past local midnight: a new day, and a new group even from the same author.
      at('d', 'agent', new Date(2026, 10, 26, 0, 1)),
      // More than five minutes later: a new group.
      at('e', 'agent', new Date(2026, 10, 26, 0, 7)),
      at('f', 'agent', new Date(2026, 10, 26, 0, 8)),
    ];
    const rows = buildRows(messages);
    expect(
      rows.map((row) => (row.type === 'day' ? row.key.replace(/^d:[^:]*:/, 'd:') : (row as MessageRow).message.id)),
    ).to.deep.equal(['d:20261125', 'a', 'b', 'c', 'd:20261126', 'd', 'e', 'f']);
    const first = rows.filter((row): row is MessageRow => row.type === 'message').map((row) => row.first);
    expect(first).to.deep.equal([true, false, true, true, true, false]);
    expect(rows.find((row) => row.type === 'message' && row.message.id === 'c')).to.include({ side: 'right' });
    expect(rows.find((row) => row.type === 'message' && row.message.id === 'a')).to.include({ side: 'left' });
  });

  it('reads times written with an offset as well as UTC ones', () => {
    const local = new Date(2026, 10, 25, 12, 0);
    // A minute later, written with an offset: the same day, the same group.
    const later = new Date(local.getTime() + 60_000).toISOString().replace('Z', '+00:00');
    const rows = buildRows([at('a', 'visitor', local), at('b', 'visitor', local, later)]);
    expect(rows.map((row) => row.type)).to.deep.equal(['day', 'message', 'message']);
    expect((rows[2] as MessageRow).first).to.equal(false);
  });
});
