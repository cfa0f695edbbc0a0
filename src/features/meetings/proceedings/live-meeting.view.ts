/** The live screen's read model: the meeting, attendance per municipality and every item's handling. */
import type { Db } from '../../../platform/db/database.js';
import { swedishDate } from '../../../platform/clock.js';
import { formatCaseNumber, propositionOrder, reservationReasonsDue, type MotionKind, type PresidingBasis, type PropositionStage, type QuorumResult } from '../../../domain/index.js';
import { findItem, listCasesByIds } from '../meetings.repository.js';
import * as repo from './proceedings.repository.js';
import { loadElectionRecords, type ElectionRecord } from './live-meeting.election.js';
import { describeAlternatives, javAt, loadAttendanceModel, presenceAt, servingAt, type Alternative, type AttendanceModel, type CalledPerson, type PresenceState } from './live-meeting.state.js';
import { swedishTime } from '../../../platform/time-format.js';
import type { VoteCounts } from '../../protocols/protocol.model.js';
import type { AgendaItemRow, AttendanceEventRow, MeetingRow } from '../meetings.tables.js';
import type { BodyRow } from '../../organisation/organisation.tables.js';

export interface PersonPresence extends CalledPerson {
  state: PresenceState;
  start: PresenceState;
  change: { type: 'arrived' | 'left'; number: number } | null;
  javHere: boolean;
  reportedAbsence: boolean;
}

export interface MunicipalityAttendance {
  municipalityId: string;
  name: string;
  people: PersonPresence[];
  serving: { person: CalledPerson; reason: string } | null;
}

export interface VoteView extends VoteCounts {
  id: string;
  kind: 'decision' | 'election' | 'tabling';
  ballots: { name: string; municipalityName: string; choice: 'yes' | 'no' | 'abstain' }[];
}

export interface ItemView {
  item: AgendaItemRow;
  /** 1-based number in agenda order, as the screen and its anchors (#punkt-N) show it. */
  number: number;
  caseNumber: string | null;
  quorum: QuorumResult | null;
  serving: CalledPerson[];
  chairId: string | null;
  /** Who presides at the item and why (reglemente 16 §). */
  presiding: { name: string; basis: PresidingBasis } | null;
  jav: { eventId: string; person: CalledPerson }[];
  reportedJav: string[];
  motions: { id: string; name: string; text: string; withdrawn: boolean; kind: MotionKind | null; position: number }[];
  /** Propositionsordning of the motions not withdrawn (domain propositionOrder). */
  order: { stage: PropositionStage; motions: ItemView['motions'] }[];
  propositions: { text: string; outcome: 'approved' | 'rejected' }[];
  votes: VoteView[];
  elections: ElectionRecord[];
  reservations: { id: string; name: string; reason: string | null }[];
  tabledTo: { meetingId: string; date: string } | null;
  tabledFrom: { meetingId: string; date: string } | null;
  isCurrent: boolean;
  alternatives: Alternative[];
}

export interface LiveMeetingView {
  meeting: MeetingRow;
  body: BodyRow;
  date: string;
  time: string;
  seats: number;
  /** Seats without an appointed member: counted in the seats, never serving (KL 6:27). */
  vacancies: number;
  vacantMunicipalities: string[];
  people: CalledPerson[];
  /** The item the attendance table shows (0-based); the current item unless chosen. */
  shownIndex: number;
  /** The item number asked for in the address (?punkt=), kept across the attendance forms. */
  requestedNumber: number | null;
  municipalities: MunicipalityAttendance[];
  items: ItemView[];
  current: ItemView | null;
  /** The item handled last: kept open after the redirect, for reservations and the decision text. */
  lastHandledId: string | null;
  events: { id: string; name: string; type: AttendanceEventRow['type']; number: number | null }[];
  laterMeetings: { id: string; date: string }[];
  /** True while written reasons for reservations may still be given (reglemente 21 §). */
  reasonsOpen: boolean;
}

async function meetingDates(db: Db, ids: string[]): Promise<Map<string, string>> {
  const rows = await repo.listMeetingStarts(db, ids);
  return new Map(rows.map((r) => [r.id, swedishDate(r.startsAt)]));
}

async function tablingHistory(db: Db, items: AgendaItemRow[]) {
  const from = new Map<string, { meetingId: string; date: string }>();
  for (const item of items) {
    if (!item.tabledFromItemId) continue;
    const source = await findItem(db, item.tabledFromItemId);
    if (source) from.set(item.id, { meetingId: source.meetingId, date: '' });
  }
  const dates = await meetingDates(db, [...items.flatMap((i) => (i.tabledToMeetingId ? [i.tabledToMeetingId] : [])), ...[...from.values()].map((f) => f.meetingId)]);
  const to = (item: AgendaItemRow) => (item.tabledToMeetingId ? { meetingId: item.tabledToMeetingId, date: dates.get(item.tabledToMeetingId) ?? '' } : null);
  const back = (item: AgendaItemRow) => {
    const f = from.get(item.id);
    return f ? { meetingId: f.meetingId, date: dates.get(f.meetingId) ?? '' } : null;
  };
  return { to, back };
}

async function caseNumbers(db: Db, items: AgendaItemRow[]): Promise<Map<string, string>> {
  const rows = await listCasesByIds(db, items.flatMap((i) => (i.caseId ? [i.caseId] : [])));
  return new Map(rows.map((c) => [c.id, formatCaseNumber({ year: c.year, runningNumber: c.number, classificationCode: c.classificationCode })]));
}

async function namesOf(db: Db, model: AttendanceModel, ids: string[]): Promise<Map<string, string>> {
  const names = new Map(model.people.map((p) => [p.personId, p.name]));
  const missing = [...new Set(ids.filter((id) => !names.has(id)))];
  for (const p of await repo.listPersonNames(db, missing)) names.set(p.id, p.name);
  return names;
}

function municipalityRows(model: AttendanceModel, index: number, reportedAbsent: Set<string>): MunicipalityAttendance[] {
  const at = servingAt(model, index);
  const currentItemId = model.items[index]?.id ?? null;
  const rows: MunicipalityAttendance[] = [];
  for (const person of model.people) {
    let row = rows.find((r) => r.municipalityId === person.municipalityId);
    if (!row) {
      const seat = at.seats.find((s) => s.municipalityId === person.municipalityId);
      const servingPerson = model.people.find((p) => p.personId === seat?.servingPersonId);
      row = { municipalityId: person.municipalityId, name: person.municipalityName, people: [], serving: seat && servingPerson ? { person: servingPerson, reason: seat.reason } : null };
      rows.push(row);
    }
    const presence = presenceAt(model, person.personId, index);
    row.people.push({
      ...person,
      state: presence.state,
      start: presence.start,
      change: presence.change ? { type: presence.change.type, number: presence.change.itemIndex + 1 } : null,
      javHere: currentItemId !== null && javAt(model, currentItemId).some((j) => j.personId === person.personId),
      reportedAbsence: reportedAbsent.has(person.personId),
    });
  }
  return rows;
}

/** Everything the live screen shows, computed from the stored meeting. */
export async function buildLiveView(db: Db, options: { meeting: MeetingRow; body: BodyRow; shownNumber?: number; today: string }): Promise<LiveMeetingView> {
  const { meeting, body } = options;
  const model = await loadAttendanceModel(db, meeting);
  const { items } = model;
  const itemIds = items.map((i) => i.id);
  const [handling, history, numbers, reports, later, electionRecords] = await Promise.all([
    repo.loadHandling(db, itemIds),
    tablingHistory(db, items),
    caseNumbers(db, items),
    repo.listMemberReports(db, meeting.id),
    repo.listLaterPlannedMeetings(db, meeting),
    loadElectionRecords(db, itemIds),
  ]);
  const names = await namesOf(db, model, [...handling.motionRows.map((m) => m.personId), ...handling.reservationRows.map((r) => r.personId), ...handling.ballotRows.map((b) => b.personId), ...model.rows.map((r) => r.personId)]);
  const person = (id: string) => model.people.find((p) => p.personId === id);
  const currentIndex = items.findIndex((i) => i.status === 'pending');
  const itemViews: ItemView[] = items.map((item, index) => {
    const at = servingAt(model, index);
    const itemMotions = handling.motionRows.filter((m) => m.itemId === item.id);
    const motionViews = itemMotions.map((m) => ({ id: m.id, name: names.get(m.personId) ?? '', text: m.text, withdrawn: m.withdrawn, kind: m.kind, position: m.position }));
    return {
      item,
      number: index + 1,
      caseNumber: item.caseId ? (numbers.get(item.caseId) ?? null) : null,
      quorum: at.quorum,
      serving: model.people.filter((p) => at.servingIds.has(p.personId)),
      chairId: at.chairId,
      presiding: at.chairId !== null && at.presidingBasis !== null ? { name: person(at.chairId)?.name ?? '', basis: at.presidingBasis } : null,
      jav: javAt(model, item.id).flatMap((j) => {
        const p = person(j.personId);
        return p ? [{ eventId: j.eventId, person: p }] : [];
      }),
      reportedJav: reports.filter((r) => r.type === 'jav' && r.itemId === item.id).map((r) => names.get(r.personId) ?? person(r.personId)?.name ?? ''),
      motions: motionViews,
      order: propositionOrder(motionViews, { hasProposal: item.proposal.trim() !== '' }),
      propositions: handling.propositionRows.filter((p) => p.itemId === item.id).map((p) => ({ text: p.text, outcome: p.outcome })),
      elections: electionRecords.get(item.id) ?? [],
      votes: handling.voteRows
        .filter((v) => v.itemId === item.id)
        .map((v) => ({
          ...v,
          ballots: handling.ballotRows
            .filter((b) => b.voteId === v.id)
            .map((b) => ({ name: names.get(b.personId) ?? '', municipalityName: person(b.personId)?.municipalityName ?? '', choice: b.choice }))
            .sort((a, b) => a.municipalityName.localeCompare(b.municipalityName, 'sv')),
        })),
      reservations: handling.reservationRows.filter((r) => r.itemId === item.id).map((r) => ({ id: r.id, name: names.get(r.personId) ?? '', reason: r.reason })),
      tabledTo: history.to(item),
      tabledFrom: history.back(item),
      isCurrent: index === currentIndex && meeting.status === 'open',
      alternatives: describeAlternatives(item, itemMotions, names),
    };
  });
  const requested = options.shownNumber !== undefined && options.shownNumber >= 1 && options.shownNumber <= items.length ? options.shownNumber - 1 : undefined;
  const shownIndex = requested ?? (currentIndex >= 0 ? currentIndex : Math.max(0, items.length - 1));
  const reportedAbsent = new Set(reports.filter((r) => r.type === 'absence').map((r) => r.personId));
  const indexOf = new Map(items.map((item, index) => [item.id, index]));
  return {
    meeting,
    body,
    date: model.date,
    time: swedishTime(meeting.startsAt),
    seats: model.seats,
    vacancies: model.vacancies,
    vacantMunicipalities: model.vacantMunicipalities,
    people: model.people,
    shownIndex,
    requestedNumber: requested === undefined ? null : requested + 1,
    municipalities: municipalityRows(model, shownIndex, reportedAbsent),
    items: itemViews,
    current: itemViews.find((i) => i.isCurrent) ?? null,
    lastHandledId: items.filter((i, index) => i.status !== 'pending' && (currentIndex < 0 || index < currentIndex)).at(-1)?.id ?? null,
    events: model.rows.map((r) => ({ id: r.id, name: names.get(r.personId) ?? '', type: r.type, number: r.itemId === null ? null : (indexOf.get(r.itemId) ?? 0) + 1 })),
    laterMeetings: later.map((m) => ({ id: m.id, date: swedishDate(m.startsAt) })),
    reasonsOpen: meeting.status !== 'closed' || meeting.justeringDate === null || options.today <= reservationReasonsDue({ justeringDate: meeting.justeringDate }),
  };
}
