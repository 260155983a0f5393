import { expect } from '@open-wc/testing';
import { neutralizeBidi } from '../../src/model/index.js';

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
