/**
 * Every date, time and number shown to a person, in one place. Building an `Intl.DateTimeFormat`
 * costs far more than using one (a profile of the notice board found 22 % of all time in building
 * them), so each formatter is built once per locale and options and kept.
 */

/** The committee's wall clock: meeting times, "today", posting days. */
export const SWEDISH_TIME_ZONE = 'Europe/Stockholm';

export type FormatLocale = 'sv' | 'en';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function tagOf(locale: FormatLocale): string {
  return locale === 'sv' ? 'sv-SE' : 'en-GB';
}

/** A cached formatter; the key is the locale and the options, which are few and fixed in code. */
function dateTimeFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, options);
    dateTimeFormats.set(key, format);
  }
  return format;
}

const SWEDISH_DAY = dateTimeFormat('sv-SE', { timeZone: SWEDISH_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const SWEDISH_CLOCK = dateTimeFormat('sv-SE', { timeZone: SWEDISH_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "Today" as YYYY-MM-DD in Swedish time, for the domain functions that take a date. */
export function swedishDate(at: Date): string {
  return SWEDISH_DAY.format(at);
}

/** "13:00": hours and minutes in Swedish time, 24-hour clock. */
export function swedishTime(at: Date): string {
  return SWEDISH_CLOCK.format(at);
}

/** "2026-03-10 13:00" in Swedish time: a stamp for lists and logs. */
export function swedishStamp(at: Date): string {
  return `${swedishDate(at)} ${swedishTime(at)}`;
}

/** "13.00" in Swedish (the Language Council's clock style), "13:00" in English. */
export function formatClock(at: Date, locale: FormatLocale): string {
  const text = swedishTime(at);
  return locale === 'sv' ? text.replace(':', '.') : text;
}

/** "tisdag 10 mars 2026" / "Tuesday 10 March 2026": a day in Swedish time, written out. */
export function formatLongDate(at: Date, locale: FormatLocale): string {
  return dateTimeFormat(tagOf(locale), { timeZone: SWEDISH_TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(at);
}

/** A calendar date (YYYY-MM-DD, no time zone) written out: "tisdag 10 mars 2026". */
export function formatCalendarDay(isoDate: string, locale: FormatLocale): string {
  return dateTimeFormat(tagOf(locale), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** The name of a month (1–12): "mars" / "March". */
export function formatMonthName(month: number, locale: FormatLocale): string {
  return dateTimeFormat(tagOf(locale), { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1));
}

/** A point in time with the locale's short or medium styles, in Swedish time ("2026-03-10 13:00"). */
export function formatDateTime(
  at: Date,
  locale: FormatLocale,
  styles: { dateStyle: 'short' | 'medium'; timeStyle: 'short' | 'medium' } = { dateStyle: 'short', timeStyle: 'short' },
): string {
  return dateTimeFormat(tagOf(locale), { timeZone: SWEDISH_TIME_ZONE, ...styles }).format(at);
}

/** The parts of an instant on the Swedish wall clock (year … second), for time-zone arithmetic. */
export function swedishWallClockParts(at: Date): Intl.DateTimeFormatPart[] {
  return dateTimeFormat('en-GB', {
    timeZone: SWEDISH_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
}

/** A number with at most `maximumFractionDigits` decimals in the locale's style ("1,5" / "1.5"). */
export function formatNumber(value: number, locale: FormatLocale, maximumFractionDigits = 1): string {
  const key = `${locale}|${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(tagOf(locale), { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/**
 * The first instant of the next Swedish day after `at`: when `swedishDate` changes. Midnight in
 * Stockholm is 22:00 or 23:00 UTC the day before (summer or winter time; the clocks change at
 * night, never at midnight).
 */
export function nextSwedishMidnight(at: Date): Date {
  const [year, month, day] = swedishDate(at).split('-').map(Number) as [number, number, number];
  const tomorrowUtc = Date.UTC(year, month - 1, day + 1);
  const tomorrow = swedishDate(new Date(tomorrowUtc));
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(tomorrowUtc - offsetHours * 3_600_000);
    if (swedishDate(candidate) === tomorrow && candidate.getTime() > at.getTime()) return candidate;
  }
  // Not reached for Europe/Stockholm; an hour on is always early enough.
  return new Date(at.getTime() + 3_600_000);
}
