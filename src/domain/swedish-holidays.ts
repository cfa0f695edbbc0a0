/**
 * Swedish public holidays (lag 1989:253 om allmänna helgdagar, as amended 2005 when
 * nationaldagen replaced annandag pingst) and the eves that lag (1930:173) om beräkning av
 * lagstadgad tid treats like holidays.
 */
import { addDays, dayOfWeek, formatIsoDate, parseIsoDate, type IsoDate } from './calendar-date.js';
import { refuse } from './domain-error.js';

/** `public-holiday`: allmän helgdag; `treated-as-holiday`: an eve named in lag (1930:173). */
export type HolidayKind = 'public-holiday' | 'treated-as-holiday';

/** One holiday; `name` is Swedish, as written in the statute. */
export interface SwedishHoliday {
  readonly date: IsoDate;
  readonly name: string;
  readonly kind: HolidayKind;
}

/** The 2005 rules hold from 2005; earlier years are not modelled. */
const FIRST_SUPPORTED_HOLIDAY_YEAR = 2005;

function requireSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_HOLIDAY_YEAR || year > 9999) {
    refuse(
      'INVALID_DATE',
      `holidays are known for the years ${FIRST_SUPPORTED_HOLIDAY_YEAR}–9999, not ${String(year)}`,
      `helgdagar är kända för åren ${FIRST_SUPPORTED_HOLIDAY_YEAR}–9999, inte ${String(year)}`,
    );
  }
}

/**
 * Easter Sunday by the Gregorian computus (the anonymous algorithm, Meeus/Jones/Butcher).
 * Lag (1989:253) 1 §: påskdagen is the Sunday after the ecclesiastical full moon after 21 March.
 */
export function easterSunday(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    refuse('INVALID_DATE', `no Gregorian Easter for year ${String(year)}`, `ingen gregoriansk påsk för år ${String(year)}`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate({ year, month, day });
}

/** The Saturday in the seven days starting at `first`. */
function saturdayFrom(first: IsoDate): IsoDate {
  return addDays(first, (6 - dayOfWeek(first) + 7) % 7);
}

/**
 * All public holidays of `year` plus midsommarafton, julafton and nyårsafton, sorted by date.
 * Lag (1989:253) 1 §; lag (1930:173) 2 § for the eves.
 */
export function listSwedishHolidays(year: number): SwedishHoliday[] {
  requireSupportedYear(year);
  const on = (month: number, day: number): IsoDate => formatIsoDate({ year, month, day });
  const easter = easterSunday(year);
  const midsummerDay = saturdayFrom(on(6, 20));
  const holiday = (date: IsoDate, name: string): SwedishHoliday => ({ date, name, kind: 'public-holiday' });
  const eve = (date: IsoDate, name: string): SwedishHoliday => ({ date, name, kind: 'treated-as-holiday' });
  const holidays = [
    holiday(on(1, 1), 'nyårsdagen'),
    holiday(on(1, 6), 'trettondedag jul'),
    holiday(addDays(easter, -2), 'långfredagen'),
    holiday(easter, 'påskdagen'),
    holiday(addDays(easter, 1), 'annandag påsk'),
    holiday(on(5, 1), 'första maj'),
    holiday(addDays(easter, 39), 'Kristi himmelsfärdsdag'),
    holiday(addDays(easter, 49), 'pingstdagen'),
    holiday(on(6, 6), 'Sveriges nationaldag'),
    eve(addDays(midsummerDay, -1), 'midsommarafton'),
    holiday(midsummerDay, 'midsommardagen'),
    holiday(saturdayFrom(on(10, 31)), 'alla helgons dag'),
    eve(on(12, 24), 'julafton'),
    holiday(on(12, 25), 'juldagen'),
    holiday(on(12, 26), 'annandag jul'),
    eve(on(12, 31), 'nyårsafton'),
  ];
  return holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/**
 * The holiday or treated-as-holiday eve falling on `date`, if any.
 * Lag (1989:253) 1 §; lag (1930:173) 2 §.
 */
export function findSwedishHoliday(date: IsoDate): SwedishHoliday | undefined {
  const { year } = parseIsoDate(date);
  return listSwedishHolidays(year).find((holiday) => holiday.date === date);
}

/**
 * True when a statutory period may not end on `date`: Saturday, Sunday, public holiday,
 * midsommarafton, julafton or nyårsafton. Lag (1930:173) 2 §.
 */
export function isNonWorkingDayForDeadlines(date: IsoDate): boolean {
  return dayOfWeek(date) >= 6 || findSwedishHoliday(date) !== undefined;
}
