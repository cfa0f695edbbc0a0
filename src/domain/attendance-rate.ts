/**
 * Närvaro at the committee's and the preparation group's meetings, measured for the business
 * plan's goals (verksamhetsplan 2023, 2.3: members 100 %, at least 75 %; 2.3.2: at least 75 % of
 * the municipalities at every preparation-group meeting).
 */
import { attendanceShare } from './attendance-share.js';
import { requireInteger, requirePresentCount } from './domain-error.js';
import { servingMembers, type AttendanceEvent, type Mandate } from './serving-members.js';

/** One meeting's attendance: the seats called (one per municipality) and those that took part. */
export interface MeetingAttendance {
  readonly attended: number;
  readonly seats: number;
}

/**
 * The seats (municipalities) that took part in a meeting: a seat counts when someone served on it
 * — the member, or a substitute of the same municipality (reglemente 17 §) — at any of the
 * `itemCount` agenda items (a meeting without items counts its start). Distance counts as present
 * (KL 5:16). `mandates` and `events` are as for `servingMembers`.
 */
export function attendedSeats(input: { mandates: readonly Mandate[]; events: readonly AttendanceEvent[]; itemCount: number }): number {
  requireInteger(input.itemCount, { name: 'itemCount', min: 0, code: 'INVALID_ATTENDANCE' });
  const attended = new Set<string>();
  for (let itemIndex = 0; itemIndex < Math.max(1, input.itemCount); itemIndex += 1) {
    for (const seat of servingMembers({ mandates: input.mandates, events: input.events, itemIndex })) {
      if (seat.servingPersonId !== null) attended.add(seat.memberId);
    }
  }
  return attended.size;
}

/**
 * Attendance over several meetings as a percentage with one decimal (rounded half up): all
 * attended seats over all seats called, so that every meeting weighs by its seats. Null when there
 * were no meetings (nothing to measure yet). Refuses a meeting with more attended than seats or
 * with no seats. Verksamhetsplan 2023, 2.3 ("närvaro om 100 %, … minst 75 %").
 */
export function attendanceRate(meetings: readonly MeetingAttendance[]): number | null {
  if (meetings.length === 0) return null;
  let attended = 0;
  let seats = 0;
  for (const meeting of meetings) {
    requirePresentCount({ name: 'attended', value: meeting.attended }, { name: 'seats', value: meeting.seats }, {
      en: `${meeting.attended} attended is more than the ${meeting.seats} seats`,
      sv: `${meeting.attended} närvarande är fler än ${meeting.seats} platser`,
    });
    attended += meeting.attended;
    seats += meeting.seats;
  }
  return attendanceShare({ present: attended, total: seats });
}
