/**
 * Guarding the calendar: a meeting is opened on its own day. Opening it before that day, or long
 * after it (a meeting recorded afterwards), is allowed only with a recorded reason, so that a
 * slip of the finger on the wrong meeting does not start it.
 */
import { daysBetween, type IsoDate } from './calendar-date.js';
import { requireInteger } from './domain-error.js';

/** Days after the meeting day within which it is opened without a reason (a meeting recorded a week late is still plausible). */
export const OPEN_LATE_LIMIT_DAYS = 7;

/** Why opening the meeting today needs a reason: before its day, or more than the limit after it; null on an ordinary day. */
export type OpeningOutsideDay = 'early' | 'late' | null;

/**
 * Whether opening a meeting dated `meetingDate` on `today` is outside its day: 'early' before the
 * meeting day, 'late' more than `lateLimitDays` (default 7) days after it, else null. Refuses a
 * negative or fractional limit. KL 6:17 (the meeting is held at the time in the notice).
 */
export function openingOutsideDay(options: { meetingDate: IsoDate; today: IsoDate; lateLimitDays?: number }): OpeningOutsideDay {
  const limit = options.lateLimitDays ?? OPEN_LATE_LIMIT_DAYS;
  requireInteger(limit, { name: 'lateLimitDays', min: 0 });
  const after = daysBetween(options.meetingDate, options.today);
  if (after < 0) return 'early';
  if (after > limit) return 'late';
  return null;
}
