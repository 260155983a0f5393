import { expect } from '@open-wc/testing';
import { localDay, parseTime, utcTimeMs } from '../../src/model/time.js';

/** A deterministic pseudo-random integer in [0, n). */
function lcg(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % n;
  };
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

describe('reading server times without Date.parse', () => {
  it('reads the UTC shapes servers write exactly as Date.parse does, over every year, month and day', () => {
    const next = lcg(7);
    for (let i = 0; i < 5_000; i += 1) {
      const year = [100, 1600, 1900, 1970, 2000, 2024, 2026, 9999][i % 8] + (i % 8 < 7 ? next(3) : 0);
      const month = 1 + next(12);
      const day = 1 + next(28);
      const time = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(next(24), 2)}:${pad(next(60), 2)}:${pad(next(60), 2)}`;
      const withMs = `${time}.${pad(next(1000), 3)}Z`;
      expect(utcTimeMs(`${time}Z`), time).to.equal(Date.parse(`${time}Z`));
      expect(utcTimeMs(withMs), withMs).to.equal(Date.parse(withMs));
    }
    // Month ends, leap days and the edges of the fields.
    for (const time of [
      '2024-02-29T23:59:59.999Z',
      '2000-02-29T00:00:00Z',
      '2026-12-31T23:59:59Z',
      '2026-01-31T00:00:00Z',
      '2026-04-30T12:00:00Z',
      '1969-12-31T23:59:59.999Z',
      '0100-03-01T00:00:00Z',
    ]) {
      expect(utcTimeMs(time), time).to.equal(Date.parse(time));
    }
  });

  it('leaves every other shape, and days that do not exist, to Date.parse (NaN)', () => {
    for (const time of [
      '2026-02-29T10:00:00Z',
      '1900-02-29T10:00:00Z',
      '2026-04-31T10:00:00Z',
      '2026-13-01T10:00:00Z',
      '2026-00-10T10:00:00Z',
      '2026-01-00T10:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T10:60:00Z',
      '2026-01-01T10:00:60Z',
      '2026-01-01T10:00:00+02:00',
      '2026-01-01T10:00:00.5Z',
      '2026-01-01T10:00:00.000',
      '2026-01-01 10:00:00Z',
      '2026-01-01T10:00:0xZ',
      '+02026-01-01T10:00Z',
      '2026-1-01T10:00:00.000Z',
      // Years before 100 (Date.UTC would read them as 19xx).
      '0000-01-01T00:00:00Z',
      '0099-12-31T23:59:59.999Z',
      '',
    ]) {
      expect(utcTimeMs(time), time).to.be.NaN;
    }
  });

  it('reads a run of times of the same day (its date worked out once) exactly as Date.parse does', () => {
    const next = lcg(11);
    for (const day of ['2026-11-25', '2026-11-26', '2026-11-25', '2024-02-29', '2024-02-29']) {
      for (let i = 0; i < 200; i += 1) {
        const time = `${day}T${pad(next(24), 2)}:${pad(next(60), 2)}:${pad(next(60), 2)}`;
        expect(utcTimeMs(`${time}Z`), time).to.equal(Date.parse(`${time}Z`));
        const withMs = `${time}.${pad(next(1000), 3)}Z`;
        expect(utcTimeMs(withMs), withMs).to.equal(Date.parse(withMs));
      }
      // The same day with a clock out of range or a broken shape is still unreadable.
      for (const bad of [
        `${day}T24:00:00Z`,
        `${day}T10:60:00Z`,
        `${day}T10:00:60Z`,
        `${day}T1x:00:00Z`,
        `${day}T10:00:00.5Z`,
      ]) {
        expect(utcTimeMs(bad), bad).to.be.NaN;
      }
    }
    // A day that does not exist right after the day before it.
    expect(utcTimeMs('2026-02-28T10:00:00Z')).to.equal(Date.parse('2026-02-28T10:00:00Z'));
    expect(utcTimeMs('2026-02-29T10:00:00Z')).to.be.NaN;
  });

  it('parseTime gives what Date.parse gives, whatever the shape', () => {
    for (const time of [
      '2026-11-25T10:00:00.000Z',
      '2026-11-25T10:00:00Z',
      '2026-11-25T10:00:00+02:00',
      '2026-11-25T10:00:00.123456Z',
      '2026-11-25',
      'not a date',
      '0050-06-01T12:00:00Z',
    ]) {
      const expected = Date.parse(time);
      if (Number.isNaN(expected)) expect(parseTime(time), time).to.be.NaN;
      else expect(parseTime(time), time).to.equal(expected);
    }
  });

  it('gives each time its local calendar day, whatever the order it is asked in', () => {
    const dayOf = (time: number) => {
      const date = new Date(time);
      return date.getFullYear() * 10_000 + (date.getMonth() + 1) * 100 + date.getDate();
    };
    const start = Date.parse('2026-01-01T00:00:00Z');
    // Every 37 minutes over a year and a half (DST changes included where the browser has them)…
    for (let time = start; time < start + 550 * 86_400_000; time += 37 * 60_000) {
      expect(localDay(time), new Date(time).toISOString()).to.equal(dayOf(time));
    }
    // …and jumping back and forth, around midnight, and in years Date's constructor reads as 19xx.
    const next = lcg(3);
    for (let i = 0; i < 2_000; i += 1) {
      const time = start + (next(2_000) - 1_000) * 86_400_000 + next(3) * 60_000 - 60_000;
      expect(localDay(time)).to.equal(dayOf(time));
    }
    for (const time of [Date.parse('0050-06-01T12:00:00Z'), Date.parse('1950-06-01T12:00:00Z')]) {
      expect(localDay(time)).to.equal(dayOf(time));
    }
  });
});
