import { expect } from '@open-wc/testing';
import { emojiDataUrl } from '../../src/components/compose-area/emoji-data.js';

describe('emojiDataUrl (the emoji data shipped with agent-desk)', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`serves the ${locale} data from the same origin as the code, as emojibase JSON`, async () => {
      const url = new URL(emojiDataUrl(locale));
      expect(url.origin).to.equal(location.origin);
      expect(url.pathname).to.match(new RegExp(`/emoji-picker-element-data/${locale}/emojibase/data\\.json$`));
      const response = await fetch(url);
      expect(response.ok).to.be.true;
      const data = (await response.json()) as { emoji: string; annotation: string }[];
      expect(data.length).to.be.above(1000);
      const grinning = data.find((entry) => entry.emoji === '😀')!;
      expect(grinning.annotation).to.equal(locale === 'fr' ? 'visage rieur' : 'grinning face');
    });
  }
});
