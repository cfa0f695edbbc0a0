/**
 * The attendance model of one meeting: who is called, what the secretary recorded, and from
 * that (by the domain's servingMembers) who serves and whether the committee is quorate at
 * each item. Read by the live screen and by every write that depends on who serves.
 */
import type { Db } from '../../../platform/db/database.js';
import type { AgendaItemRow, AttendanceEventRow, MeetingRow } from '../meetings.tables.js';
import { swedishDate } from '../../../platform/clock.js';
import {
  committeeSeats,
  countServingMembers,
  presidingChair,
  quorumStatus,
  servingMembers,
  type AttendanceEvent,
  type Mandate,
  type PresidingBasis,
  type QuorumResult,
  type ServingMember,
  type MotionKind,
} from '../../../domain/index.js';
import { MOTION_NOUN } from '../../protocols/protocol-wording.js';
import { listItems, listMandatesOn, municipalityNames } from '../meetings.repository.js';
import { findSeatBasis, listAttendanceEvents } from './proceedings.repository.js';

const collator = new Intl.Collator('sv');

/** A member (ledamot) or substitute (ersättare) called to the meeting. */
export interface CalledPerson {
  personId: string;
  name: string;
  municipalityId: string;
  municipalityName: string;
  role: 'member' | 'substitute';
  position: 'chair' | 'vice_chair' | null;
  /** Reglemente 16 §: who is eldest, when neither chair nor vice chair serves. */
  bornOn: string | null;
}

export interface AttendanceModel {
  meeting: MeetingRow;
  /** The meeting day, Swedish time (YYYY-MM-DD). */
  date: string;
  items: AgendaItemRow[];
  /** Members first, then substitutes in precedence, municipality by municipality. */
  people: CalledPerson[];
  /** Number of member seats, vacancies included: the figure the quorum rule divides (KL 6:27, reglemente 13 §). */
  seats: number;
  /** Seats no member holds a mandate for on the meeting day. */
  vacancies: number;
  /** Member municipalities without an appointed member on the meeting day, by name. */
  vacantMunicipalities: string[];
  rows: AttendanceEventRow[];
  events: AttendanceEvent[];
}

/** Who serves at one item, the quorum there, and who chairs. */
export interface ServingAt {
  seats: ServingMember[];
  servingIds: Set<string>;
  quorum: QuorumResult | null;
  /** Who presides at the item (reglemente 16 §): whose vote breaks a tie. */
  chairId: string | null;
  presidingBasis: PresidingBasis | null;
}

export async function loadAttendanceModel(db: Db, meeting: MeetingRow): Promise<AttendanceModel> {
  const date = swedishDate(meeting.startsAt);
  // One query at a time: inside a transaction they share one connection.
  const items = await listItems(db, meeting.id);
  const mandates = await listMandatesOn(db, meeting.bodyId, date);
  const rows = await listAttendanceEvents(db, meeting.id);
  // The preparation group has one official per municipality and no elected members: the same
  // engine then counts each municipality's official as holding its seat (attendance per municipality).
  const officialsHoldSeats = !mandates.some((m) => m.mandate.role === 'member');
  const seatRole = (role: string): 'member' | 'substitute' | null =>
    role === 'member' || (officialsHoldSeats && role === 'official') ? 'member' : role === 'substitute' ? 'substitute' : null;
  const called = mandates.filter((m) => seatRole(m.mandate.role) !== null);
  const municipalityIds = [...new Set(called.map((m) => m.mandate.municipalityId))];
  const names = await municipalityNames(db, municipalityIds);
  // Substitutes keep the order they were appointed in: their precedence (reglemente 17 §).
  const sorted = [...called].sort(
    (a, b) =>
      collator.compare(names.get(a.mandate.municipalityId) ?? '', names.get(b.mandate.municipalityId) ?? '') ||
      (seatRole(a.mandate.role) === seatRole(b.mandate.role) ? 0 : seatRole(a.mandate.role) === 'member' ? -1 : 1) ||
      a.mandate.createdAt.getTime() - b.mandate.createdAt.getTime(),
  );
  const seen = new Set<string>();
  const people: CalledPerson[] = [];
  for (const { mandate, person } of sorted) {
    if (seen.has(person.id)) continue;
    seen.add(person.id);
    people.push({
      personId: person.id,
      name: person.name,
      municipalityId: mandate.municipalityId,
      municipalityName: names.get(mandate.municipalityId) ?? '',
      role: seatRole(mandate.role) ?? 'substitute',
      position: mandate.position,
      bornOn: person.bornOn,
    });
  }
  const filled = people.filter((p) => p.role === 'member').length;
  const { seats, members } = filled === 0 ? { seats: 0, members: [] } : await seatsOf(db, meeting.bodyId, filled);
  const held = new Set(people.filter((p) => p.role === 'member').map((p) => p.municipalityId));
  const vacantMunicipalities = members.filter((m) => !held.has(m.id)).map((m) => m.name).sort(collator.compare);
  return { meeting, date, items, people, seats, vacancies: seats - filled, vacantMunicipalities, rows, events: toDomainEvents(rows, items, seen) };
}

/** The body's configured seats, else one per member municipality of its committee (reglemente 13 §). */
async function seatsOf(db: Db, bodyId: string, filled: number): Promise<{ seats: number; members: { id: string; name: string }[] }> {
  const basis = await findSeatBasis(db, bodyId);
  const members = basis?.members ?? [];
  return { seats: committeeSeats({ configured: basis?.configured ?? null, memberMunicipalities: members.length, filled }), members };
}

/** Index of an event in meeting order: the start state first, then item by item in recording order. */
function eventIndex(row: AttendanceEventRow, indexOf: Map<string, number>): number {
  return row.itemId === null ? 0 : (indexOf.get(row.itemId) ?? 0);
}

function toDomainEvents(rows: AttendanceEventRow[], items: AgendaItemRow[], called: Set<string>): AttendanceEvent[] {
  const indexOf = new Map(items.map((item, index) => [item.id, index]));
  return rows
    .filter((row) => called.has(row.personId))
    .map((row, order) => ({ row, order, index: eventIndex(row, indexOf) }))
    .sort((a, b) => a.index - b.index || Number(a.row.itemId !== null) - Number(b.row.itemId !== null) || a.order - b.order)
    .map(({ row, index }) => ({ personId: row.personId, type: row.type, itemIndex: index }));
}

/** Who serves at the item with 0-based `index` (reglemente 17–18 §§), and the quorum (KL 6:27). */
export function servingAt(model: AttendanceModel, index: number): ServingAt {
  const mandates: Mandate[] = model.people.map((p) => ({ personId: p.personId, municipalityId: p.municipalityId, role: p.role }));
  const seats = servingMembers({ mandates, events: model.events, itemIndex: Math.max(0, index) });
  const servingIds = new Set(seats.flatMap((seat) => (seat.servingPersonId === null ? [] : [seat.servingPersonId])));
  const quorum = model.seats > 0 ? quorumStatus({ seats: model.seats, present: countServingMembers(seats) }) : null;
  const holder = (position: 'chair' | 'vice_chair') => model.people.find((p) => p.position === position)?.personId ?? null;
  const presiding = presidingChair({
    servingIds: [...servingIds],
    chairId: holder('chair'),
    viceChairId: holder('vice_chair'),
    electedId: model.meeting.temporaryChairPersonId,
    bornOn: Object.fromEntries(model.people.map((p) => [p.personId, p.bornOn])),
  });
  return { seats, servingIds, quorum, chairId: presiding?.personId ?? null, presidingBasis: presiding?.basis ?? null };
}

export type PresenceState = 'present' | 'remote' | 'absent' | 'unknown';

/** What the secretary last recorded for a person up to an item: the state the screen shows. */
export function presenceAt(model: AttendanceModel, personId: string, index: number): { state: PresenceState; start: PresenceState; change: { type: 'arrived' | 'left'; itemIndex: number } | null } {
  let state: PresenceState = 'unknown';
  let start: PresenceState = 'unknown';
  let change: { type: 'arrived' | 'left'; itemIndex: number } | null = null;
  const ordered = toDomainEvents(model.rows.filter((r) => r.personId === personId), model.items, new Set([personId]));
  for (const event of ordered) {
    if (event.itemIndex > index || event.type === 'jav') continue;
    if (event.type === 'arrived' || event.type === 'left') {
      state = event.type === 'arrived' ? 'present' : 'absent';
      change = { type: event.type, itemIndex: event.itemIndex };
    } else {
      state = event.type;
    }
  }
  for (const row of model.rows) if (row.personId === personId && row.itemId === null && row.type !== 'jav' && row.type !== 'arrived' && row.type !== 'left') start = row.type;
  return { state, start, change };
}

/** The persons with jäv recorded at an item, with the event to undo it. */
export function javAt(model: AttendanceModel, itemId: string): { eventId: string; personId: string }[] {
  return model.rows.filter((r) => r.type === 'jav' && r.itemId === itemId).map((r) => ({ eventId: r.id, personId: r.personId }));
}

/** An alternative the chair can put: the proposal (förslag till beslut) or a motion not withdrawn. */
export interface Alternative {
  value: string;
  kind: 'proposal' | 'motion';
  /** Who moved it, for a motion. */
  by: string | null;
  text: string;
}

export function describeAlternatives(
  item: AgendaItemRow,
  itemMotions: readonly { id: string; personId: string; text: string; withdrawn: boolean; kind: MotionKind | null }[],
  names: ReadonlyMap<string, string>,
): Alternative[] {
  const proposal: Alternative[] = item.proposal.trim() ? [{ value: 'proposal', kind: 'proposal', by: null, text: item.proposal.trim() }] : [];
  const moved = itemMotions
    .filter((m) => !m.withdrawn)
    .map((m): Alternative => ({ value: `motion:${m.id}`, kind: 'motion', by: names.get(m.personId) ?? '', text: [m.kind ? MOTION_NOUN[m.kind] : '', m.text].filter(Boolean).join(': ') }));
  return [...proposal, ...moved];
}
