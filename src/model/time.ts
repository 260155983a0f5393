/**
 * Times as servers write them (`2026-11-25T10:00:00Z`, `2026-11-25T10:00:00.000Z`), read without
 * Date.parse: a snapshot holds one per message, and Date.parse costs far more per call in a page
 * that has just loaded (the 10,000-message snapshot spent most of its validation there).
 */

/** The number written by the `count` ASCII digits at `start`, or -1 when one is not a digit. */
function digits(s: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i += 1) {
    const code = s.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days from 1970-01-01 to a proleptic Gregorian date (month 1–12), for any year. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Milliseconds since the epoch of a UTC time written `YYYY-MM-DDTHH:MM:SSZ` or
 * `YYYY-MM-DDTHH:MM:SS.sssZ` whose fields are in range (the day exists, hour 00–23), exactly as
 * Date.parse reads it; NaN for anything else, which callers then give to Date.parse.
 */
export function utcTimeMs(s: string): number {
  const length = s.length;
  if (length !== 20 && length !== 24) return Number.NaN;
  if (
    s.charCodeAt(length - 1) !== 90 /* Z */ ||
    s.charCodeAt(4) !== 45 /* - */ ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 /* T */ ||
    s.charCodeAt(13) !== 58 /* : */ ||
    s.charCodeAt(16) !== 58 ||
    (length === 24 && s.charCodeAt(19) !== 46) /* . */
  ) {
    return Number.NaN;
  }
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  const ms = length === 24 ? digits(s, 20, 3) : 0;
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return Number.NaN;
  if (minute < 0 || minute > 59 || second < 0 || second > 59 || ms < 0) return Number.NaN;
  if (day > (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1])) return Number.NaN;
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + ms;
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
