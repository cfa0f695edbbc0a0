/**
 * Reminders before a deadline (justering KL 5:69, posting KL 8:12, a cooperation decision): the
 * day from which a reminder is due, and whether it is due today.
 */
import { addDays, compareDates, type IsoDate } from './calendar-date.js';
import { requireInteger } from './domain-error.js';

/**
 * The first day a reminder of `deadline` is due: `daysBefore` days before it. Refuses a negative
 * or fractional number of days. Not a rule of law; the deadline it counts from is.
 */
export function reminderFrom(options: { deadline: IsoDate; daysBefore: number }): IsoDate {
  requireInteger(options.daysBefore, { name: 'daysBefore', min: 0 });
  return addDays(options.deadline, -options.daysBefore);
}

/**
 * True when a reminder of `deadline` is due on `today`: from `daysBefore` days before the deadline
 * on, the deadline day and after it included (a reminder missed while the server was down is
 * still sent late, once).
 */
export function isReminderDue(options: { today: IsoDate; deadline: IsoDate; daysBefore: number }): boolean {
  return compareDates(options.today, reminderFrom(options)) >= 0;
}
