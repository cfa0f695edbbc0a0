/** § numbers: one series per body, running through the calendar year. */
import { compareDates, yearOf, type IsoDate } from './calendar-date.js';
import { refuse, requireInteger } from './domain-error.js';

/** A meeting of one body and how many paragraphs its protocol holds. */
export interface MeetingItems {
  readonly meetingId: string;
  readonly date: IsoDate;
  readonly itemCount: number;
}

/** The § numbers given to one meeting, in order; empty when it had no items. */
export interface NumberedMeeting {
  readonly meetingId: string;
  readonly date: IsoDate;
  readonly numbers: readonly number[];
}

/**
 * The next `count` § numbers after the last one used this calendar year (0 in a new year).
 * Seed: § numbers run continuously through the year (December 2022 starts at § 19).
 */
export function nextParagraphNumbers(options: { lastNumberThisYear: number; count: number }): number[] {
  requireInteger(options.lastNumberThisYear, { name: 'lastNumberThisYear', min: 0 });
  requireInteger(options.count, { name: 'count', min: 0 });
  return Array.from({ length: options.count }, (_, index) => options.lastNumberThisYear + index + 1);
}

/**
 * Numbers the paragraphs of a body's meetings in one calendar year, meetings in date order
 * (same-day meetings in the order given), continuing after `lastNumberBefore` (default 0).
 * Seed: § numbers run continuously through the year (December 2022 starts at § 19).
 */
export function assignParagraphNumbers(options: {
  meetings: readonly MeetingItems[];
  lastNumberBefore?: number;
}): NumberedMeeting[] {
  const years = new Set(options.meetings.map((meeting) => yearOf(meeting.date)));
  if (years.size > 1) {
    refuse(
      'invalid-input',
      `§ numbers restart each year; got meetings in ${[...years].join(', ')}`,
      `§-numren börjar om varje år; fick sammanträden under ${[...years].join(', ')}`,
    );
  }
  const ordered = options.meetings
    .map((meeting, order) => ({ meeting, order }))
    .sort((a, b) => compareDates(a.meeting.date, b.meeting.date) || a.order - b.order);
  let last = options.lastNumberBefore ?? 0;
  return ordered.map(({ meeting }) => {
    const numbers = nextParagraphNumbers({ lastNumberThisYear: last, count: meeting.itemCount });
    last += meeting.itemCount;
    return { meetingId: meeting.meetingId, date: meeting.date, numbers };
  });
}
