/**
 * The business plan's indicators measured from Kansli's own records (verksamhetsplan 2023, 2.3):
 * meetings held, who served at them, and follow-up dialogues, each with the evidence behind it.
 */
import type { Db } from '../../platform/db/database.js';
import { swedishDate } from '../../platform/clock.js';
import { attendanceRate, attendanceShare, attendedSeats, servingMembers, type IndicatorKind, type Mandate } from '../../domain/index.js';
import { loadAttendanceModel } from '../meetings/proceedings/live-meeting.state.js';
import * as repo from './planning.repository.js';
import type { MeasuredKind, Measure } from './planning.schema.js';
import type { MeetingRow } from '../meetings/meetings.tables.js';

/** How each measure grows through the year (for the goal status rule). */
export const KIND_OF: Record<Measure, IndicatorKind> = {
  committee_meetings: 'cumulative',
  member_attendance: 'level',
  prep_meetings: 'cumulative',
  prep_municipality_share: 'level',
  followup_dialogues: 'cumulative',
  manual: 'level',
};

/** One seat (municipality) at a meeting and who served on it, if anyone. */
export interface SeatEvidence {
  municipalityName: string;
  servedBy: { name: string; role: 'member' | 'substitute' }[];
}

/** A meeting behind a figure: when, where, and its seats. */
export interface MeetingEvidence {
  meetingId: string;
  date: string;
  place: string;
  /** 'demo': a meeting the demo invented (the 2022 meetings before the seed's), shown as Exempeldata. */
  origin: string | null;
  seats: number;
  attended: number;
  /** Percentage of seats that took part, one decimal. */
  share: number | null;
  seatDetails: SeatEvidence[];
}

export interface DialogueEvidence {
  municipalityId: string;
  municipalityName: string;
  dates: string[];
}

export interface Measurement {
  measure: MeasuredKind;
  value: number | null;
  /** The meetings (committee or preparation group) behind the figure. */
  meetings: MeetingEvidence[];
  dialogues: DialogueEvidence[];
}

/** The last day of a tertial: 30 April, 31 August, 31 December. */
export function tertialEnd(year: number, tertial: number): string {
  return `${year}-${['04-30', '08-31', '12-31'][tertial - 1] ?? '12-31'}`;
}

async function meetingEvidence(db: Db, meeting: MeetingRow): Promise<MeetingEvidence> {
  const model = await loadAttendanceModel(db, meeting);
  const mandates: Mandate[] = model.people.map((p) => ({ personId: p.personId, municipalityId: p.municipalityId, role: p.role }));
  const itemCount = model.items.length;
  const attended = model.seats > 0 ? attendedSeats({ mandates, events: model.events, itemCount }) : 0;
  const servedBy = new Map<string, Map<string, 'member' | 'substitute'>>();
  for (let index = 0; index < Math.max(1, itemCount); index += 1) {
    for (const seat of servingMembers({ mandates, events: model.events, itemIndex: index })) {
      if (seat.servingPersonId === null || seat.servingRole === null) continue;
      const seen = servedBy.get(seat.memberId) ?? new Map<string, 'member' | 'substitute'>();
      seen.set(seat.servingPersonId, seat.servingRole);
      servedBy.set(seat.memberId, seen);
    }
  }
  const nameOf = new Map(model.people.map((p) => [p.personId, p.name]));
  return {
    meetingId: meeting.id,
    date: model.date,
    place: meeting.place,
    origin: meeting.origin,
    seats: model.seats,
    attended,
    share: model.seats > 0 ? attendanceShare({ present: attended, total: model.seats }) : null,
    seatDetails: model.people
      .filter((p) => p.role === 'member')
      .map((p) => ({
        municipalityName: p.municipalityName,
        servedBy: [...(servedBy.get(p.personId) ?? new Map<string, 'member' | 'substitute'>())].map(([id, role]) => ({ name: nameOf.get(id) ?? '', role })),
      })),
  };
}

async function meetingsOf(db: Db, committeeId: string, kind: 'committee' | 'preparation_group', from: string, until: string): Promise<MeetingEvidence[]> {
  const bodyIds = (await repo.listBodiesOfKind(db, committeeId, kind)).map((b) => b.id);
  const held = (await repo.listClosedMeetings(db, bodyIds)).filter((m) => {
    const day = swedishDate(m.startsAt);
    return day >= from && day <= until;
  });
  const out: MeetingEvidence[] = [];
  // One at a time: inside a transaction the queries share one connection.
  for (const meeting of held) out.push(await meetingEvidence(db, meeting));
  return out;
}

async function dialoguesOf(db: Db, committeeId: string, from: string, until: string): Promise<{ value: number | null; dialogues: DialogueEvidence[] }> {
  const municipalities = await repo.listMunicipalities(db, committeeId);
  const held = (await repo.listDialogues(db, committeeId)).filter((d) => d.heldOn >= from && d.heldOn <= until);
  const dialogues = municipalities.map((m) => ({ municipalityId: m.id, municipalityName: m.name, dates: held.filter((d) => d.organisationId === m.id).map((d) => d.heldOn) }));
  const visited = dialogues.filter((d) => d.dates.length > 0).length;
  return { value: municipalities.length ? attendanceShare({ present: visited, total: municipalities.length }) : null, dialogues };
}

/**
 * Measures one indicator for the committee from 1 January of `year` to `until` (YYYY-MM-DD):
 * committee meetings held (count), member attendance over them (% of seats, attendanceRate),
 * preparation-group meetings held (count), the lowest share of municipalities present at any of
 * them (%), and the share of municipalities with a follow-up dialogue (%).
 */
export async function measure(db: Db, options: { committeeId: string; year: number; until: string; measure: MeasuredKind }): Promise<Measurement> {
  const from = `${options.year}-01-01`;
  const until = options.until < `${options.year}-12-31` ? options.until : `${options.year}-12-31`;
  const base = { measure: options.measure, meetings: [] as MeetingEvidence[], dialogues: [] as DialogueEvidence[] };
  switch (options.measure) {
    case 'committee_meetings':
    case 'member_attendance': {
      const held = await meetingsOf(db, options.committeeId, 'committee', from, until);
      const withSeats = held.filter((m) => m.seats > 0);
      const value = options.measure === 'committee_meetings' ? held.length : attendanceRate(withSeats.map((m) => ({ attended: m.attended, seats: m.seats })));
      return { ...base, value, meetings: held };
    }
    case 'prep_meetings':
    case 'prep_municipality_share': {
      const held = await meetingsOf(db, options.committeeId, 'preparation_group', from, until);
      const shares = held.flatMap((m) => (m.share === null ? [] : [m.share]));
      const value = options.measure === 'prep_meetings' ? held.length : shares.length ? Math.min(...shares) : null;
      return { ...base, value, meetings: held };
    }
    case 'followup_dialogues': {
      const { value, dialogues } = await dialoguesOf(db, options.committeeId, from, until);
      return { ...base, value, dialogues };
    }
  }
}

/** Every measured indicator at once, for the follow-up page. */
export async function measureAll(db: Db, options: { committeeId: string; year: number; until: string }): Promise<Map<MeasuredKind, Measurement>> {
  const out = new Map<MeasuredKind, Measurement>();
  for (const m of ['committee_meetings', 'member_attendance', 'prep_meetings', 'prep_municipality_share', 'followup_dialogues'] as const) {
    out.set(m, await measure(db, { ...options, measure: m }));
  }
  return out;
}
