/**
 * Anslag and laglighetsprövning: the justering is announced on every member municipality's
 * notice board; the appeal period runs from the last of those postings.
 */
import { addDays, compareDates, latestDate, type IsoDate } from './calendar-date.js';
import { refuse } from './domain-error.js';
import { endOfStatutoryPeriod } from './statutory-period.js';

/** Days in the three-week appeal period (KL 13:5). */
export const APPEAL_PERIOD_DAYS = 21;
/** Days after justering by which the notice must be posted (KL 8:12). */
export const POSTING_DAYS_AFTER_JUSTERING = 2;

/** The dates of one appeal period, all ISO dates. */
export interface AppealPeriod {
  /** The day the period counts from: the last posting on any member's board. */
  readonly countsFrom: IsoDate;
  /** `countsFrom` + 21 days: the same weekday three weeks later, before any adjustment. */
  readonly nominalLastDay: IsoDate;
  /** The last day an appeal can arrive, after lag (1930:173). */
  readonly lastDayToAppeal: IsoDate;
  /** The first day the notice may come down: the day after `lastDayToAppeal`. */
  readonly earliestTakeDownDate: IsoDate;
}

/**
 * Appeal period for laglighetsprövning: three weeks from the day the notice was posted; for a
 * joint committee from the day it was posted on the boards of ALL member municipalities, i.e.
 * the latest posting date. "Three weeks from day X" ends on X + 21 days (the same weekday),
 * then moved by lag (1930:173). The notice may come down the day after (KL 8:12).
 * KL 13:5 — joint committee: counts from the last posting.
 */
export function computeAppealPeriod(options: { postingDates: readonly IsoDate[] }): AppealPeriod {
  if (options.postingDates.length === 0) {
    refuse(
      'invalid-input',
      'the appeal period needs the posting date on at least one notice board',
      'överklagandetiden kräver minst ett anslagsdatum',
    );
  }
  const countsFrom = latestDate(options.postingDates);
  const nominalLastDay = addDays(countsFrom, APPEAL_PERIOD_DAYS);
  const lastDayToAppeal = endOfStatutoryPeriod(nominalLastDay);
  return { countsFrom, nominalLastDay, lastDayToAppeal, earliestTakeDownDate: addDays(lastDayToAppeal, 1) };
}

/**
 * Last day to post the justering notice: the second day after justering, moved to the next
 * weekday by lag (1930:173) when it falls on a weekend, holiday or named eve.
 * KL 8:12; lag (1930:173) 2 §.
 */
export function latestPostingDate(justeringDate: IsoDate): IsoDate {
  return endOfStatutoryPeriod(addDays(justeringDate, POSTING_DAYS_AFTER_JUSTERING));
}

/**
 * True when the notice went up after the latest posting date; refuses a posting before the
 * justering it announces. KL 8:12.
 */
export function isPostingLate(options: { justeringDate: IsoDate; postedOn: IsoDate }): boolean {
  if (compareDates(options.postedOn, options.justeringDate) < 0) {
    refuse(
      'dates-out-of-order',
      `a notice posted ${options.postedOn} cannot announce a justering on ${options.justeringDate}`,
      `ett anslag ${options.postedOn} kan inte tillkännage en justering ${options.justeringDate}`,
    );
  }
  return compareDates(options.postedOn, latestPostingDate(options.justeringDate)) > 0;
}

/**
 * The last day to post the justering notice on a board: the second day after justering, moved
 * to the next weekday by lag (1930:173). KL 8:12.
 */
export function noticePostingDeadline(options: { justeredOn: IsoDate }): IsoDate {
  return latestPostingDate(options.justeredOn);
}

/**
 * The appeal period of a joint committee's protocol: it starts on the day the notice has been
 * posted on the boards of all member municipalities (the latest of `postedOn`) and its last day
 * is three weeks later, moved to the next weekday when that is a Saturday, Sunday, public
 * holiday, midsommarafton, julafton or nyårsafton. KL 13:5; lag (1930:173) 2 §.
 */
export function appealPeriod(options: { postedOn: readonly IsoDate[] }): { startsOn: IsoDate; lastDay: IsoDate } {
  const period = computeAppealPeriod({ postingDates: options.postedOn });
  return { startsOn: period.countsFrom, lastDay: period.lastDayToAppeal };
}
