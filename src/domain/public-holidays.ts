/** The public holidays (allmänna helgdagar) of a year, by name; see swedish-holidays.ts for the rules. */
import type { IsoDate } from './calendar-date.js';
import { listSwedishHolidays } from './swedish-holidays.js';

/**
 * Every named public holiday of `year` in date order, the Easter-dependent ones and alla
 * helgons dag included. The eves that lag (1930:173) treats like holidays (midsommarafton,
 * julafton, nyårsafton) are not public holidays and are left out; so are ordinary Sundays,
 * which the act counts as holidays without naming them. Lag (1989:253) 1 §.
 */
export function swedishPublicHolidays(year: number): IsoDate[] {
  return listSwedishHolidays(year)
    .filter((holiday) => holiday.kind === 'public-holiday')
    .map((holiday) => holiday.date);
}
