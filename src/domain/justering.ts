/**
 * Justering: the chair and one appointed member approve (adjust) the protocol; after that it
 * is final (reglemente 22 §).
 */
import { addDays, compareDates, type IsoDate } from './calendar-date.js';
import { refuse } from './domain-error.js';
import { endOfStatutoryPeriod } from './statutory-period.js';

/** Days after the meeting within which the protocol must be adjusted (KL 5:69). */
const JUSTERING_DAYS = 14;

/**
 * Last day to adjust the protocol: 14 days after the meeting (KL 5:69). When that day is a
 * Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton the period ends on
 * the next weekday instead, as lag (1930:173) om beräkning av lagstadgad tid 2 § says for
 * every statutory period.
 * KL 5:69; lag (1930:173) 2 §.
 */
export function justeringDeadline(options: { meetingDate: IsoDate }): IsoDate {
  return endOfStatutoryPeriod(addDays(options.meetingDate, JUSTERING_DAYS));
}

/**
 * True when the protocol was adjusted after the deadline; refuses a justering before the meeting.
 * KL 5:69; lag (1930:173) 2 §.
 */
export function isJusteringLate(options: { meetingDate: IsoDate; justeringDate: IsoDate }): boolean {
  if (compareDates(options.justeringDate, options.meetingDate) < 0) {
    refuse(
      'DATES_OUT_OF_ORDER',
      `justering ${options.justeringDate} cannot precede the meeting ${options.meetingDate}`,
      `justeringen ${options.justeringDate} kan inte ske före sammanträdet ${options.meetingDate}`,
    );
  }
  return compareDates(options.justeringDate, justeringDeadline({ meetingDate: options.meetingDate })) > 0;
}
