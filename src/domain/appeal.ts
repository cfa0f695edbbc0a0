/**
 * Anslag and laglighetsprövning: the justering is announced on every member municipality's
 * notice board; the appeal period runs from the last of those postings.
 */
import { addDays, compareDates, latestDate, type IsoDate } from './calendar-date.js';
import { refuse } from './domain-error.js';
import { endOfStatutoryPeriod } from './statutory-period.js';

/** Days in the three-week appeal period (KL 13:5). */
const APPEAL_PERIOD_DAYS = 21;
/** Days after justering by which the notice must be posted (KL 8:12). */
const POSTING_DAYS_AFTER_JUSTERING = 2;

/**
 * The last day to post the justering notice on a board: the second day after justering, moved
 * to the next weekday by lag (1930:173) when it falls on a weekend, holiday or named eve.
 * KL 8:12; lag (1930:173) 2 §.
 */
export function noticePostingDeadline(options: { justeredOn: IsoDate }): IsoDate {
  return endOfStatutoryPeriod(addDays(options.justeredOn, POSTING_DAYS_AFTER_JUSTERING));
}

/**
 * True when the notice went up after the posting deadline; refuses a posting before the
 * justering it announces. KL 8:12.
 */
export function isPostingLate(options: { justeringDate: IsoDate; postedOn: IsoDate }): boolean {
  if (compareDates(options.postedOn, options.justeringDate) < 0) {
    refuse(
      'DATES_OUT_OF_ORDER',
      `a notice posted ${options.postedOn} cannot announce a justering on ${options.justeringDate}`,
      `ett anslag ${options.postedOn} kan inte tillkännage en justering ${options.justeringDate}`,
    );
  }
  return compareDates(options.postedOn, noticePostingDeadline({ justeredOn: options.justeringDate })) > 0;
}

/**
 * The appeal period of a joint committee's protocol (laglighetsprövning): it starts on the day
 * the notice has been posted on the boards of ALL member municipalities (the latest of
 * `postedOn`) and its last day is three weeks later (the same weekday), moved to the next weekday
 * when that is a Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton. The
 * notice may come down the day after `lastDay` (KL 8:12). Refuses an empty list.
 * KL 13:5; lag (1930:173) 2 §.
 */
export function appealPeriod(options: { postedOn: readonly IsoDate[] }): { startsOn: IsoDate; lastDay: IsoDate } {
  if (options.postedOn.length === 0) {
    refuse(
      'INVALID_INPUT',
      'the appeal period needs the posting date on at least one notice board',
      'överklagandetiden kräver minst ett anslagsdatum',
    );
  }
  const startsOn = latestDate(options.postedOn);
  return { startsOn, lastDay: endOfStatutoryPeriod(addDays(startsOn, APPEAL_PERIOD_DAYS)) };
}
