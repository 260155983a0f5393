// The Arabic locale: complete, its counts in the six Arabic plural forms, its numbers as Intl
// writes them for `ar`, and elements under lang="ar" right to left, with English fallback marked.
//
// The first test needs Arabic not loaded yet: it runs first.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { MessageFilterElement } from '../../src/components/message-filter/message-filter.js';
import { en, loadLocale, locales, type Strings } from '../../src/i18n/strings.js';

/** The element's rendered content: the top-level element of its shadow root. */
function content(el: Element): Element {
  return el.shadowRoot!.firstElementChild!;
}

function filterGroupName(el: MessageFilterElement): string | null {
  return el.shadowRoot!.querySelector('[role="radiogroup"]')!.getAttribute('aria-label');
}

async function arabic(): Promise<Strings> {
  await loadLocale('ar');
  return locales.strings('ar')!;
}

describe('Arabic (ar)', () => {
  it('content is marked English while the Arabic strings load, then Arabic, right to left throughout', async () => {
    expect(locales.state('ar')).to.equal('unloaded');
    const el = await fixture<MessageFilterElement>(html`<message-filter lang="ar"></message-filter>`);
    expect(filterGroupName(el)).to.equal(en.thread.messageFilter);
    expect(content(el).getAttribute('lang')).to.equal('en');
    expect(content(el).getAttribute('dir')).to.equal('rtl');

    const ar = await arabic();
    await el.updateComplete;
    expect(filterGroupName(el)).to.equal(ar.thread.messageFilter);
    expect(filterGroupName(el)).to.equal('تصفية الرسائل');
    expect(content(el).getAttribute('lang')).to.equal('ar');
    expect(content(el).getAttribute('dir')).to.equal('rtl');
  });

  it('a language without a translation renders English content marked lang="en", in its own direction', async () => {
    const el = await fixture<HTMLElement>(
      html`<div>
        <message-filter lang="de"></message-filter>
        <message-filter lang="he"></message-filter>
        <message-filter lang="ar-EG"></message-filter>
      </div>`,
    );
    await arabic();
    const [german, hebrew, egyptian] = el.querySelectorAll<MessageFilterElement>('message-filter');
    await Promise.all([german.updateComplete, hebrew.updateComplete, egyptian.updateComplete]);
    expect(filterGroupName(german)).to.equal(en.thread.messageFilter);
    expect([content(german).getAttribute('lang'), content(german).getAttribute('dir')]).to.deep.equal(['en', 'ltr']);
    expect([content(hebrew).getAttribute('lang'), content(hebrew).getAttribute('dir')]).to.deep.equal(['en', 'rtl']);
    // A regional tag keeps its region (Intl formats follow it).
    expect([content(egyptian).getAttribute('lang'), content(egyptian).getAttribute('dir')]).to.deep.equal([
      'ar-EG',
      'rtl',
    ]);
  });

  it('a dir set with the language (or inside it) wins over the language’s; one set for an outer language does not', async () => {
    await arabic();
    const el = await fixture<HTMLElement>(
      html`<div>
        <message-filter lang="ar" dir="ltr"></message-filter>
        <div lang="ar"><message-filter dir="ltr"></message-filter></div>
        <div lang="en" dir="ltr"><message-filter lang="ar"></message-filter></div>
        <div dir="rtl"><message-filter lang="fr"></message-filter></div>
      </div>`,
    );
    const filters = [...el.querySelectorAll<MessageFilterElement>('message-filter')];
    await Promise.all(filters.map((filter) => filter.updateComplete));
    expect(filters.map((filter) => content(filter).getAttribute('dir'))).to.deep.equal(['ltr', 'ltr', 'rtl', 'ltr']);
    expect(content(filters[0]).getAttribute('lang')).to.equal('ar');
  });

  it('implements every English key, with no empty string and no Latin-script word outside names', async () => {
    const ar = await arabic();
    const problems: string[] = [];
    // Names kept as written (channels' brands are transliterated; key names are printed on keys).
    const allowed = /\b(Enter|Shift|Ctrl|Alt|F6|Escape|Home|End|Page Up|Page Down|Space|Tab|http|https|mailto|tel)\b/g;
    const compare = (english: unknown, translated: unknown, path: string) => {
      if (typeof english !== typeof translated) problems.push(`${path}: ${typeof translated}`);
      else if (typeof translated === 'string') {
        if (!translated.trim()) problems.push(`${path}: empty`);
        else if (/[A-Za-z]{2,}/.test(translated.replace(allowed, ''))) problems.push(`${path}: ${translated}`);
      } else if (english && typeof english === 'object') {
        for (const key of Object.keys(english)) {
          compare(
            (english as Record<string, unknown>)[key],
            (translated as Record<string, unknown>)[key],
            `${path}.${key}`,
          );
        }
      }
    };
    compare(en, ar, 'strings');
    expect(problems).to.deep.equal([]);
  });

  it('counts take the Arabic plural form of 0, 1, 2, 3, 11 and 100', async () => {
    // Intl writes Latin digits for ar in current CLDR, Arabic-Indic ones in WebKitGTK's older ICU: both right.
    const latin = (text: string) => text.replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x660));
    const ar = await arabic();
    const counts = [0, 1, 2, 3, 11, 100];
    expect(counts.map((n) => latin(ar.stateBox.unread(n)))).to.deep.equal([
      'لا رسائل غير مقروءة',
      'رسالة واحدة غير مقروءة',
      'رسالتان غير مقروءتين',
      '3 رسائل غير مقروءة',
      '11 رسالة غير مقروءة',
      '100 رسالة غير مقروءة',
    ]);
    expect(counts.map((n) => latin(ar.stateBox.count(n)))).to.deep.equal([
      'لا محادثات',
      'محادثة واحدة',
      'محادثتان',
      '3 محادثات',
      '11 محادثة',
      '100 محادثة',
    ]);
    expect(counts.map((n) => latin(ar.thread.newMessages(n)))).to.deep.equal([
      'لا رسائل جديدة',
      'رسالة جديدة واحدة',
      'رسالتان جديدتان',
      '3 رسائل جديدة',
      '11 رسالة جديدة',
      '100 رسالة جديدة',
    ]);
    expect(counts.map((n) => latin(ar.composer.counterLabel(n)))).to.deep.equal([
      'لم يتبقَّ أي حرف',
      'يتبقى حرف واحد',
      'يتبقى حرفان',
      'تتبقى 3 أحرف',
      'يتبقى 11 حرفًا',
      'يتبقى 100 حرف',
    ]);
    // Over the limit, after a preposition: the genitive dual.
    expect([-1, -2, -3, -11].map((n) => latin(ar.composer.counterLabel(n)))).to.deep.equal([
      'تتجاوز الحد بمقدار حرف واحد',
      'تتجاوز الحد بمقدار حرفين',
      'تتجاوز الحد بمقدار 3 أحرف',
      'تتجاوز الحد بمقدار 11 حرفًا',
    ]);
    expect(counts.map((n) => latin(ar.desk.waitingCount(n)))).to.deep.equal([
      'لا محادثات بانتظار ردك',
      'محادثة واحدة بانتظار ردك',
      'محادثتان بانتظار ردك',
      '3 محادثات بانتظار ردك',
      '11 محادثة بانتظار ردك',
      '100 محادثة بانتظار ردك',
    ]);
    // The caller's formatted number is the one shown; the form follows the count.
    expect(ar.visitorPanel.pastMessagesCount(1200, '1,200')).to.equal('1,200 رسالة');
    expect(ar.visitorPanel.pastMessagesCount(5, '5')).to.equal('5 رسائل');
  });

  it('numbers are written as Intl writes them for ar, grouping included, never glued to a word', async () => {
    const ar = await arabic();
    const thousands = new Intl.NumberFormat('ar').format(1234);
    expect(ar.stateBox.unread(1234)).to.equal(`${thousands} رسالة غير مقروءة`);
    expect(ar.composer.counter(1234, 2000)).to.equal(`${thousands} / ${new Intl.NumberFormat('ar').format(2000)}`);
    expect(ar.alerts.pageTitle(3, 'مكتب الدعم')).to.equal(`(${new Intl.NumberFormat('ar').format(3)}) مكتب الدعم`);
    expect(ar.alerts.unread('نوح', 2)).to.equal('نوح: رسالتان غير مقروءتين');
    // Arabic punctuation: the Arabic comma between the spoken pieces of a row.
    expect(ar.stateBox.separator).to.equal('، ');
  });
});
