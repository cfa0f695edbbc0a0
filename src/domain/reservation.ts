/** Reservation: a member records dissent against a decision. */
import { parseIsoDate, type IsoDate } from './calendar-date.js';

/**
 * True while a reservation may still be entered: it must be announced before the meeting ends,
 * so once the meeting is closed it is too late.
 * KL 4:27 (via KL 6:33 for committees).
 */
export function canEnterReservation(options: { meetingClosed: boolean }): boolean {
  return !options.meetingClosed;
}

/**
 * The date by which written reasons for a reservation must reach the secretary: the time set for
 * justering of the protocol, so the justering date itself (the same holds for an immediate
 * justering at the meeting). Refuses a date that is not an ISO date.
 * Reglemente 21 §.
 */
export function reservationReasonsDue(options: { justeringDate: IsoDate }): IsoDate {
  parseIsoDate(options.justeringDate);
  return options.justeringDate;
}
