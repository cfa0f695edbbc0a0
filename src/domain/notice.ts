/** Kallelse: the written notice of a meeting to every member and substitute. */
import { addDays, compareDates, type IsoDate } from './calendar-date.js';
import { requireInteger } from './domain-error.js';

/**
 * The date by which the notice must be sent: `noticeDays` days before the meeting day ("senast
 * fem dagar före sammanträdesdagen"). Not moved for holidays: lag (1930:173) covers only
 * statutes, and moving a "before" deadline later would shorten the notice. Refuses a negative
 * or fractional number of days.
 * Reglemente 10 §; KL 6:17.
 */
export function noticeDeadline(options: { meetingDate: IsoDate; noticeDays: number }): IsoDate {
  requireInteger(options.noticeDays, { name: 'noticeDays', min: 0 });
  return addDays(options.meetingDate, -options.noticeDays);
}

/**
 * True when the notice was sent after the notice deadline. Reglemente 10 §.
 */
export function isNoticeLate(options: { meetingDate: IsoDate; noticeDays: number; sentOn: IsoDate }): boolean {
  return compareDates(options.sentOn, noticeDeadline(options)) > 0;
}
