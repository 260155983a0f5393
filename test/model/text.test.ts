import { expect } from '@open-wc/testing';
import { neutralizeBidi } from '../../src/model/index.js';
import { textDirection } from '../../src/model/text.js';

describe('neutralizeBidi', () => {
  it('removes overrides, embeddings and isolates that can spoof a file name', () => {
    // "photo‮gnp.exe" is displayed as "photoexe.png".
    expect(neutralizeBidi('photo\u202Egnp.exe')).to.equal('photognp.exe');
    expect(neutralizeBidi('a\u202Ab\u202Bc\u202Cd\u202De\u202Ef')).to.equal('abcdef');
    expect(neutralizeBidi('\u2066x\u2067y\u2068z\u2069')).to.equal('xyz');
  });

  it('keeps Arabic and Hebrew text, implicit marks and plain text intact', () => {
    expect(neutralizeBidi('مرحبا بك')).to.equal('مرحبا بك');
    expect(neutralizeBidi('שלום עולם.pdf')).to.equal('שלום עולם.pdf');
    expect(neutralizeBidi('a\u200Fb\u200Ec')).to.equal('a\u200Fb\u200Ec');
    expect(neutralizeBidi('report.pdf')).to.equal('report.pdf');
    expect(neutralizeBidi(undefined)).to.equal(undefined);
  });
});

describe('textDirection', () => {
  it('is the direction of the first letter, as dir="auto" decides it; auto without a letter', () => {
    expect(textDirection('Dear Yuki, مرحبا')).to.equal('ltr');
    expect(textDirection('  «مرحبا» Yuki')).to.equal('rtl');
    expect(textDirection('42 — שלום')).to.equal('rtl');
    expect(textDirection('ܫܠܡܐ')).to.equal('rtl');
    expect(textDirection('Ça va ?')).to.equal('ltr');
    expect(textDirection('123 !? 👍')).to.equal('auto');
  });
});
