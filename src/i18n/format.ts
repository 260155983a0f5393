/**
 * Locale-aware formatting through Intl, with formatter instances cached per locale and options
 * (creating Intl formatters is costly; a 10,000-message thread formats many times).
 */

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.DisplayNames>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.DisplayNames>(
  key: string,
  create: () => T,
): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = create();
    cache.set(key, formatter);
  }
  return formatter;
}

function safe<T>(format: () => T, fallback: T): T {
  try {
    return format();
  } catch {
    return fallback;
  }
}

export function formatTime(lang: string, iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return safe(
    () =>
      cached(
        `time|${lang}|${timeZone ?? ''}`,
        () => new Intl.DateTimeFormat(lang, { timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }),
      ).format(date),
    date.toISOString().slice(11, 16),
  );
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date; a date-only value ("2026-10-02") is that day everywhere, not UTC midnight shifted. */
export function formatDate(lang: string, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const dateOnly = DATE_ONLY.test(iso);
  return safe(
    () =>
      cached(
        `date|${lang}|${dateOnly}`,
        () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', ...(dateOnly ? { timeZone: 'UTC' } : {}) }),
      ).format(date),
    iso.slice(0, 10),
  );
}

export function formatDateTime(lang: string, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return safe(
    () =>
      cached(
        `datetime|${lang}`,
        () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }),
      ).format(date),
    iso,
  );
}

/** "Today", "Yesterday" or a full date, for day separators. */
export function formatDay(lang: string, iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((startOf(date) - startOf(now)) / 86_400_000);
  if (days === 0 || days === -1) {
    return safe(
      () => cached(`rel|${lang}`, () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })).format(days, 'day'),
      '',
    );
  }
  return safe(
    () =>
      cached(
        `day|${lang}`,
        () => new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
      ).format(date),
    iso.slice(0, 10),
  );
}

/** A short elapsed time: "45 s", "3 min", "1 h 05", via Intl units. */
/** A duration: `narrow` ("4m") on screen, `long` ("4 minutes") where it is read out. */
export function formatDuration(lang: string, milliseconds: number, display: 'narrow' | 'long' = 'narrow'): string {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000));
  const unit = (value: number, name: 'second' | 'minute' | 'hour' | 'day') =>
    safe(
      () =>
        cached(
          `unit|${lang}|${name}|${display}`,
          () => new Intl.NumberFormat(lang, { style: 'unit', unit: name, unitDisplay: display }),
        ).format(value),
      `${value}${name[0]}`,
    );
  if (seconds < 60) return unit(seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${unit(hours, 'hour')} ${unit(minutes % 60, 'minute')}`;
  return unit(Math.floor(hours / 24), 'day');
}

export function formatNumber(lang: string, value: number): string {
  return safe(() => cached(`num|${lang}`, () => new Intl.NumberFormat(lang)).format(value), String(value));
}

export function formatCurrency(lang: string, value: number, currency: string): string {
  return safe(
    () =>
      cached(`cur|${lang}|${currency}`, () => new Intl.NumberFormat(lang, { style: 'currency', currency })).format(
        value,
      ),
    `${value} ${currency}`,
  );
}

/** File sizes with Intl units: "47 kB", "1.2 MB". */
export function formatFileSize(lang: string, bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let index = 0;
  while (value >= 1000 && index < units.length - 1) {
    value /= 1000;
    index += 1;
  }
  return safe(
    () =>
      cached(
        `size|${lang}|${units[index]}`,
        () =>
          new Intl.NumberFormat(lang, {
            style: 'unit',
            unit: units[index],
            // "13 bytes" / "13 octets": the short byte unit is not pluralised in every locale.
            unitDisplay: index === 0 ? 'long' : 'short',
            maximumFractionDigits: index === 0 ? 0 : 1,
          }),
      ).format(value),
    `${bytes} B`,
  );
}

export function countryName(lang: string, code: string): string {
  return safe(
    () =>
      cached(`region|${lang}`, () => new Intl.DisplayNames([lang], { type: 'region' })).of(code.toUpperCase()) ?? code,
    code,
  );
}

export function languageName(lang: string, code: string): string {
  return safe(
    () => cached(`lang|${lang}`, () => new Intl.DisplayNames([lang], { type: 'language' })).of(code) ?? code,
    code,
  );
}
