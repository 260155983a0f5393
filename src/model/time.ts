/**
 * Times as servers write them (`2026-11-25T10:00:00Z`, `2026-11-25T10:00:00.000Z`), read without
 * Date.parse: a snapshot holds one per message, and Date.parse costs far more per call in a page
 * that has just loaded (the 10,000-message snapshot spent most of its validation there).
 */

/** The number written by the `count` ASCII digits at `start`, or -1 when one is not a digit. */
export function digits(s: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i += 1) {
    const code = s.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/** The date part (`YYYY-MM-DDT`) last read and its UTC midnight: a thread's messages share a few days. */
let lastDate = '';
let lastMidnight = 0;

/**
 * Milliseconds since the epoch of a UTC time written `YYYY-MM-DDTHH:MM:SSZ` or
 * `YYYY-MM-DDTHH:MM:SS.sssZ` whose fields are in range (the day exists, hour 00–23, year from 100),
 * exactly as Date.parse reads it; NaN for anything else, which callers then give to Date.parse.
 * The date is worked out once per day met in a row (the snapshot and every thread read thousands).
 */
export function utcTimeMs(s: string): number {
  const length = s.length;
  if (
    (length !== 20 && length !== 24) ||
    s[length - 1] !== 'Z' ||
    s[13] !== ':' ||
    s[16] !== ':' ||
    (length === 24 && s[19] !== '.')
  ) {
    return Number.NaN;
  }
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  const ms = length === 24 ? digits(s, 20, 3) : 0;
  // (-1, not a digit, makes the | negative.)
  if ((hour | minute | second | ms) < 0 || hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const clock = ((hour * 60 + minute) * 60 + second) * 1000 + ms;
  if (lastDate !== '' && s.startsWith(lastDate)) return lastMidnight + clock;
  if (s[4] !== '-' || s[7] !== '-' || s[10] !== 'T') return Number.NaN;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  // (Years before 100: Date.UTC reads them as 19xx.)
  if (year < 100 || month < 1 || month > 12 || day < 1) return Number.NaN;
  const midnight = Date.UTC(year, month - 1, day);
  // A day past the end of its month rolls over into the next one: no such date.
  if (day > 28 && new Date(midnight).getUTCDate() !== day) return Number.NaN;
  lastDate = s.slice(0, 11);
  lastMidnight = midnight;
  return midnight + clock;
}

/** Milliseconds since the epoch of an ISO time, NaN when unreadable (Date.parse for the uncommon shapes). */
export function parseTime(iso: string): number {
  const ms = utcTimeMs(iso);
  return Number.isNaN(ms) ? Date.parse(iso) : ms;
}

/** The local day last asked for: messages come in order, so most share their neighbour's day. */
let dayStart = 0;
let dayEnd = 0;
let dayNumber = 0;

/** The local calendar day of a time as YYYYMMDD (20261125), with one Date per day rather than per call. */
export function localDay(time: number): number {
  if (time >= dayStart && time < dayEnd) return dayNumber;
  const date = new Date(time);
  const year = date.getFullYear();
  const month = date.getMonth();
  const day = date.getDate();
  // Local midnights (a DST day is 23 or 25 hours long).
  dayStart = new Date(year, month, day).getTime();
  dayEnd = new Date(year, month, day + 1).getTime();
  dayNumber = year * 10_000 + (month + 1) * 100 + day;
  // (Years 0–99 make Date's constructor count from 1900: then nothing is kept for the next call.)
  if (!(time >= dayStart && time < dayEnd)) dayEnd = dayStart;
  return dayNumber;
}
