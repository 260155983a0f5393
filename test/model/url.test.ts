import { expect } from '@open-wc/testing';
import { displayUrl, safeUrl } from '../../src/model/url.js';

/** Refused for links and images alike. */
const REFUSED: Array<[label: string, url: unknown]> = [
  ['javascript:', 'javascript:alert(1)'],
  ['mixed-case JavaScript:', 'JaVaScRiPt:alert(1)'],
  ['upper-case JAVASCRIPT:', 'JAVASCRIPT:alert(1)'],
  ['leading space', ' javascript:alert(1)'],
  ['leading spaces before https (obfuscation, not trusted)', '   https://example.com/'],
  ['leading control character', '\u0001javascript:alert(1)'],
  ['leading NUL', '\u0000javascript:alert(1)'],
  ['tab inside the scheme', 'java\tscript:alert(1)'],
  ['newline inside the scheme', 'java\nscript:alert(1)'],
  ['carriage return inside the scheme', 'java\rscript:alert(1)'],
  ['NUL inside the scheme', 'java\0script:alert(1)'],
  ['trailing newline', 'javascript:alert(1)\n'],
  ['zero-width space before the scheme', '\u200bjavascript:alert(1)'],
  ['BOM before the scheme', '\ufeffjavascript:alert(1)'],
  ['soft hyphen inside the scheme', 'java\u00adscript:alert(1)'],
  ['entity-encoded j', '&#106;avascript:alert(1)'],
  ['hex entity tab', 'jav&#x09;ascript:alert(1)'],
  ['entity-encoded colon', 'javascript&colon;alert(1)'],
  ['percent-encoded scheme', '%6Aavascript:alert(1)'],
  ['full-width letters', '\uff4aavascript:alert(1)'],
  ['javascript with a fake authority', 'javascript://example.com/%0Aalert(1)'],
  ['vbscript:', 'vbscript:msgbox(1)'],
  ['VBScript: mixed case', 'VBScript:msgbox(1)'],
  ['data: html', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
  ['data: image', 'data:image/png;base64,iVBORw0KGgo='],
  ['file:', 'file:///etc/passwd'],
  ['ftp:', 'ftp://files.example.com/a'],
  ['protocol-relative //evil', '//evil.example.com/x'],
  ['backslash protocol-relative', '\\\\evil.example.com\\x'],
  ['absolute path', '/account/orders'],
  ['relative path', 'orders/42'],
  ['dot-relative path', '../admin'],
  ['query only', '?q=1'],
  ['fragment only', '#top'],
  ['http without host', 'http://'],
  ['space inside', 'https://exa mple.com/'],
  ['empty string', ''],
  ['over 8 KB', `https://example.com/${'a'.repeat(8200)}`],
  ['null', null],
  ['undefined', undefined],
  ['a number', 42],
  ['an object', { href: 'https://example.com/' }],
];

describe('safeUrl (the URL allow-list)', () => {
  for (const [label, url] of REFUSED) {
    it(`refuses ${label} as a link and as an image`, () => {
      expect(safeUrl(url, 'link')).to.equal(null);
      expect(safeUrl(url, 'image')).to.equal(null);
      expect(safeUrl(url, 'image', { allowBlob: true })).to.equal(null);
    });
  }

  it('allows absolute http and https links, normalized', () => {
    expect(safeUrl('https://shop.example.com/a?b=1#c')).to.equal('https://shop.example.com/a?b=1#c');
    expect(safeUrl('HTTP://Shop.Example.COM')).to.equal('http://shop.example.com/');
    expect(safeUrl('https://example.com/ünïcode')).to.equal('https://example.com/%C3%BCn%C3%AFcode');
  });

  it('allows mailto: and tel: for links but not for images', () => {
    expect(safeUrl('mailto:help@example.com', 'link')).to.equal('mailto:help@example.com');
    expect(safeUrl('tel:+33123456789', 'link')).to.equal('tel:+33123456789');
    expect(safeUrl('MAILTO:help@example.com', 'link')).to.equal('mailto:help@example.com');
    expect(safeUrl('mailto:help@example.com', 'image')).to.equal(null);
    expect(safeUrl('tel:+33123456789', 'image')).to.equal(null);
  });

  it('defaults to the link allow-list', () => {
    expect(safeUrl('mailto:help@example.com')).to.equal('mailto:help@example.com');
  });

  it('allows http and https images', () => {
    expect(safeUrl('https://images.example.com/a.jpg', 'image')).to.equal('https://images.example.com/a.jpg');
    expect(safeUrl('http://images.example.com/a.jpg', 'image')).to.equal('http://images.example.com/a.jpg');
  });

  it('allows blob: only for images and only with allowBlob', () => {
    const blob = 'blob:http://localhost:8000/9b2c5c1e-5f3e-4b8e-9a0e-1f2d3c4b5a69';
    expect(safeUrl(blob, 'image', { allowBlob: true })).to.equal(blob);
    expect(safeUrl(blob, 'image')).to.equal(null);
    expect(safeUrl(blob, 'link')).to.equal(null);
    expect(safeUrl(blob, 'link', { allowBlob: true })).to.equal(null);
  });

  it('a real blob URL made by the page is accepted as an image preview', () => {
    const url = URL.createObjectURL(new Blob(['x'], { type: 'image/png' }));
    try {
      expect(safeUrl(url, 'image', { allowBlob: true })).to.equal(url);
    } finally {
      URL.revokeObjectURL(url);
    }
  });
});

describe('displayUrl', () => {
  it('shows host, path and query without the scheme', () => {
    expect(displayUrl('https://shop.example.com/boots?size=39')).to.equal('shop.example.com/boots?size=39');
    expect(displayUrl('https://shop.example.com/')).to.equal('shop.example.com');
  });

  it('shows the real host of a deceptive URL (credentials, look-alike letters)', () => {
    expect(displayUrl('https://shop.example.com@evil.example/login')).to.equal('evil.example/login');
    // Cyrillic "а" in "аpple": shown in punycode, not as a look-alike.
    expect(displayUrl('https://\u0430pple.com/')).to.equal('xn--pple-43d.com');
  });

  it('leaves other and malformed URLs as they are', () => {
    expect(displayUrl('mailto:a@example.com')).to.equal('mailto:a@example.com');
    expect(displayUrl('not a url')).to.equal('not a url');
    expect(displayUrl('javascript:alert(1)')).to.equal('javascript:alert(1)');
  });
});
