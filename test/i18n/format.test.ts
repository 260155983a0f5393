import { expect } from '@open-wc/testing';
import { formatDate, formatDuration, formatFileSize, formatTime } from '../../src/i18n/format.js';

describe('format', () => {
  it('file sizes read naturally in English and French, bytes included', () => {
    expect(formatFileSize('en', 13)).to.equal('13 bytes');
    expect(formatFileSize('en', 1)).to.equal('1 byte');
    expect(formatFileSize('fr', 13)).to.match(/^13\soctets$/);
    expect(formatFileSize('en', 48213)).to.equal('48.2 kB');
    expect(formatFileSize('fr', 2_500_000)).to.match(/^2,5\s?Mo$/);
  });

  it('a date-only value is that calendar day, whatever the time zone', () => {
    // Midnight UTC is still the day before in the Americas; the date itself must not move.
    expect(formatDate('en-US', '2026-10-02')).to.equal('Oct 2, 2026');
  });

  it("times follow each locale's clock, early hours included", () => {
    // French writes 01:50 (CLDR "HH:mm"), never 1:50; English keeps its 12-hour clock.
    expect(formatTime('fr', '2026-03-03T01:50:00Z', 'UTC')).to.equal('01:50');
    expect(formatTime('fr', '2026-03-03T13:05:00Z', 'UTC')).to.equal('13:05');
    expect(formatTime('en', '2026-03-03T01:50:00Z', 'UTC')).to.match(/^1:50\s?AM$/);
  });

  it('durations pick the largest useful unit', () => {
    expect(formatDuration('en', 45_000)).to.equal('45s');
    expect(formatDuration('en', 3 * 60_000)).to.equal('3m');
    expect(formatDuration('en', 65 * 60_000)).to.equal('1h 5m');
  });
});
