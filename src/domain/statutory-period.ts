import { addDays, type IsoDate } from './calendar-date.js';
import { isNonWorkingDayForDeadlines } from './swedish-holidays.js';

/**
 * The day a statutory period really ends: `lastDay`, or if that is a Saturday, Sunday, public
 * holiday, midsommarafton, julafton or nyårsafton, the next day that is none of those.
 * Lag (1930:173) om beräkning av lagstadgad tid 2 §.
 */
export function endOfStatutoryPeriod(lastDay: IsoDate): IsoDate {
  let day = lastDay;
  while (isNonWorkingDayForDeadlines(day)) day = addDays(day, 1);
  return day;
}
