/**
 * Calendar dates as plain ISO strings 'YYYY-MM-DD', computed without time zones or clocks.
 * A day number counts days from 1970-01-01 (Howard Hinnant's civil-from-days algorithm),
 * so no host time zone or `Date` object can shift a date.
 */
import { refuse } from './domain-error.js';

/** An ISO calendar date 'YYYY-MM-DD' (Gregorian, years 1583–9999). */
export type IsoDate = string;

/** A calendar date split in its parts; month and day are 1-based. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const MIN_YEAR = 1583;
const MAX_YEAR = 9999;
const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isValidParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 &&
    day >= 1 && day <= daysInMonth(year, month)
  );
}

function refuseDate(text: string): never {
  return refuse(
    'INVALID_DATE',
    `"${text}" is not a calendar date written YYYY-MM-DD (years ${MIN_YEAR}–${MAX_YEAR})`,
    `"${text}" är inte ett datum på formen ÅÅÅÅ-MM-DD (år ${MIN_YEAR}–${MAX_YEAR})`,
  );
}

/** True when `text` is a real calendar date 'YYYY-MM-DD'. Calendar helper (no rule). */
export function isIsoDate(text: string): boolean {
  const match = ISO_PATTERN.exec(text);
  return match !== null && isValidParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Splits 'YYYY-MM-DD' into parts; refuses impossible dates like 2023-02-29. Calendar helper (no rule). */
export function parseIsoDate(text: IsoDate): CalendarDate {
  const match = ISO_PATTERN.exec(text);
  if (match === null) return refuseDate(text);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (!isValidParts(year, month, day)) return refuseDate(text);
  return { year, month, day };
}

/** Writes parts as 'YYYY-MM-DD'; refuses impossible dates. Calendar helper (no rule). */
export function formatIsoDate(date: CalendarDate): IsoDate {
  const text = `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
  if (!isValidParts(date.year, date.month, date.day)) return refuseDate(text);
  return text;
}

function toDayNumber({ year, month, day }: CalendarDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(dayNumber: number): CalendarDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The date `days` days after `date` (negative: before). Calendar helper (no rule). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) {
    refuse('INVALID_INPUT', `days must be a whole number, got ${String(days)}`, `antal dagar måste vara ett heltal, fick ${String(days)}`);
  }
  return formatIsoDate(fromDayNumber(toDayNumber(parseIsoDate(date)) + days));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Calendar helper (no rule). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(parseIsoDate(to)) - toDayNumber(parseIsoDate(from));
}

/** ISO weekday of `date`: 1 = Monday … 7 = Sunday. Calendar helper (no rule). */
export function dayOfWeek(date: IsoDate): Weekday {
  const dayNumber = toDayNumber(parseIsoDate(date));
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber + 3) % 7) + 7) % 7 + 1) as Weekday;
}

/** -1, 0 or 1 as `a` is before, equal to or after `b`. Calendar helper (no rule). */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const difference = daysBetween(b, a);
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

/** The latest of one or more dates. Calendar helper (no rule). */
export function latestDate(dates: readonly IsoDate[]): IsoDate {
  const [first, ...rest] = dates;
  if (first === undefined) {
    return refuse('INVALID_INPUT', 'at least one date is needed', 'minst ett datum behövs');
  }
  return rest.reduce((latest, date) => (compareDates(date, latest) > 0 ? date : latest), parseAndKeep(first));
}

function parseAndKeep(date: IsoDate): IsoDate {
  parseIsoDate(date);
  return date;
}

/** The calendar year of `date`. Calendar helper (no rule). */
export function yearOf(date: IsoDate): number {
  return parseIsoDate(date).year;
}
