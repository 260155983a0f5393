import { expect } from '@open-wc/testing';
import {
  ACTION_KINDS,
  filterMessages,
  isMessageFilter,
  matchesFilter,
  MESSAGE_FILTERS,
} from '../../src/model/filter.js';
import type { Author, MessageKind } from '../../src/model/types.js';
import type { MessageFilter } from '../../src/model/filter.js';
import { ALL_AUTHORS, ALL_KINDS, CONTENT_BY_KIND, message } from './builders.js';

/** The documented categories, written out by hand (not derived from the implementation). */
const ACTIONS: Record<MessageKind, boolean> = {
  text: false,
  link: true,
  offer: true,
  navigation: false,
  system: false,
  cobrowsing: true,
  transfer: true,
  file: true,
  image: true,
  translation: false,
  unsupported: false,
  choice: true,
};

function expected(filter: MessageFilter, author: Author, kind: MessageKind): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'visitor':
      return author === 'visitor' && kind !== 'navigation';
    case 'agent':
      return author === 'agent' || author === 'bot';
    case 'actions':
      return ACTIONS[kind];
    case 'navigation':
      return kind === 'navigation';
  }
}

describe('message filter categories', () => {
  it('offers the five filters in display order', () => {
    expect([...MESSAGE_FILTERS]).to.deep.equal(['all', 'visitor', 'agent', 'actions', 'navigation']);
  });

  it('counts exactly links, offers, files, images, co-browsing, transfers and choices as actions', () => {
    expect([...ACTION_KINDS].sort()).to.deep.equal([
      'choice',
      'cobrowsing',
      'file',
      'image',
      'link',
      'offer',
      'transfer',
    ]);
  });

  for (const filter of MESSAGE_FILTERS) {
    for (const kind of ALL_KINDS) {
      for (const author of ALL_AUTHORS) {
        const want = expected(filter, author, kind);
        it(`${filter}: a ${author}'s ${kind} message is ${want ? 'shown' : 'hidden'}`, () => {
          const m = message({ author, content: CONTENT_BY_KIND[kind] });
          expect(matchesFilter(m, filter)).to.equal(want);
        });
      }
    }
  }

  it('shows a visitor page visit only under Navigation and All', () => {
    const visit = message({ author: 'visitor', content: CONTENT_BY_KIND.navigation });
    const shownUnder = MESSAGE_FILTERS.filter((f) => matchesFilter(visit, f));
    expect(shownUnder).to.deep.equal(['all', 'navigation']);
  });

  it("shows an agent's link under Agent and Actions, but not Visitor", () => {
    const link = message({ author: 'agent', content: CONTENT_BY_KIND.link });
    const shownUnder = MESSAGE_FILTERS.filter((f) => matchesFilter(link, f));
    expect(shownUnder).to.deep.equal(['all', 'agent', 'actions']);
  });

  it("shows a bot's multiple-choice question under Agent and Actions", () => {
    const choice = message({ author: 'bot', content: CONTENT_BY_KIND.choice });
    expect(MESSAGE_FILTERS.filter((f) => matchesFilter(choice, f))).to.deep.equal(['all', 'agent', 'actions']);
  });

  it('filterMessages keeps order and returns the same array for All', () => {
    const messages = ALL_KINDS.map((kind, i) =>
      message({ id: `k${i}`, author: i % 2 ? 'agent' : 'visitor', content: CONTENT_BY_KIND[kind] }),
    );
    expect(filterMessages(messages, 'all')).to.equal(messages);
    const actions = filterMessages(messages, 'actions');
    expect(actions.map((m) => m.kind)).to.deep.equal(ALL_KINDS.filter((k) => ACTIONS[k]));
    expect(filterMessages(messages, 'navigation').map((m) => m.kind)).to.deep.equal(['navigation']);
  });

  it('recognises only the five filter values', () => {
    for (const value of MESSAGE_FILTERS) expect(isMessageFilter(value)).to.be.true;
    for (const value of ['ALL', 'Visitor', '', 'action', null, undefined, 1, {}])
      expect(isMessageFilter(value)).to.be.false;
  });
});
