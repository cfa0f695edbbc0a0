/**
 * Builds the protocol as one value (ProtocolDocument) from the database: the stored texts of the
 * protocol and its paragraphs, and the facts of the meeting (KL 5:66–67) read from the meeting
 * record as they are. Also the prefilled texts of a new draft. Queries run one at a time: inside
 * a transaction they share one connection.
 */
import type { Db } from '../../platform/db/database.js';
import { swedishDate } from '../../platform/clock.js';
import { formatCaseNumber, formatHandlingId, publicHeadingOf, serviceByParagraph, type JavRecord } from '../../domain/index.js';
import { instantToStockholm } from '../meetings/calendar.js';
import { listItemDocumentIds } from '../meetings/meetings.repository.js';
import { loadAttendanceModel, type AttendanceModel } from '../meetings/proceedings/live-meeting.state.js';
import { voteCounts, type JavEntry, type MeetingRecord, type ProtocolDocument, type ProtocolParagraph, type ServedPerson } from './protocol.model.js';
import { findProtocol, listParagraphs } from './protocol.repository.js';
import { letterheadOf } from './protocol-wording.js';
import * as read from './protocol-build.repository.js';
import { loadElectionRecords } from '../meetings/proceedings/live-meeting.election.js';
import type { AgendaItemRow } from '../meetings/meetings.tables.js';
import type { ProtocolParagraphRow } from './protocols.tables.js';

/** Items that were handled get a paragraph; pending ones do not. */
export const HANDLED: ReadonlySet<AgendaItemRow['status']> = new Set(['decided', 'noted', 'tabled']);

export { genitive } from './protocol-wording.js';

async function namesById(db: Db, ids: readonly string[]): Promise<Map<string, { name: string; organisationId: string | null }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await read.listPeopleNames(db, unique);
  return new Map(rows.map((r) => [r.id, { name: r.name, organisationId: r.organisationId }]));
}

async function organisationNames(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await read.listOrganisationNames(db, unique);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Who served and each jäv, paragraph by paragraph (KL 5:66–67), from the meeting's attendance events. */
export interface Service {
  served: ServedPerson[];
  /** Jäv by the agenda item the paragraph came from. */
  javByItem: Map<string, JavEntry[]>;
}

/**
 * Who served at each paragraph — arrivals, departures, substitutes stepping in, jäv — computed by
 * the domain's serviceByParagraph; `paragraphs` are the protocol's in print order. Without
 * paragraphs, who served at the first item. People are listed in the attendance table's order.
 */
export function serviceOf(model: AttendanceModel, paragraphs: readonly { id: string; agendaItemId: string | null }[]): Service {
  const indexOf = new Map(model.items.map((item, index) => [item.id, index]));
  const printed = paragraphs.length > 0 ? paragraphs : [{ id: '', agendaItemId: model.items[0]?.id ?? null }];
  let previous = 0;
  const paragraphItems = printed.map((p) => (previous = (p.agendaItemId ? indexOf.get(p.agendaItemId) : undefined) ?? previous));
  const mandates = model.people.map((p) => ({ personId: p.personId, municipalityId: p.municipalityId, role: p.role }));
  const result = serviceByParagraph({ mandates, events: model.events, paragraphItems });
  const byId = new Map(model.people.map((p) => [p.personId, p]));
  const served = result.served.flatMap((record): ServedPerson[] => {
    const person = byId.get(record.personId);
    if (!person) return [];
    return [{
      name: person.name,
      municipality: person.municipalityName,
      role: record.role,
      position: person.position,
      servingFor: record.role === 'substitute' ? (byId.get(record.seatOf)?.name ?? null) : null,
      paragraphIds: paragraphs.length > 0 ? record.paragraphs.map((index) => paragraphs[index]?.id ?? '') : [],
    }];
  });
  const javByItem = new Map<string, JavEntry[]>();
  const toEntry = (jav: JavRecord): JavEntry => ({
    name: byId.get(jav.personId)?.name ?? '',
    municipality: byId.get(jav.personId)?.municipalityName ?? '',
    steppedOut: jav.steppedOut,
    servedInstead: jav.servedInstead ? (byId.get(jav.servedInstead)?.name ?? null) : null,
  });
  for (const jav of result.jav) {
    const itemId = paragraphs.length > 0 ? paragraphs[jav.paragraph]?.agendaItemId : null;
    if (itemId) javByItem.set(itemId, [...(javByItem.get(itemId) ?? []), toEntry(jav)]);
  }
  return { served, javByItem };
}

/** The print order: by § number (a paragraph adjusted at the meeting has its number before the rest), then agenda order. */
export function inPrintOrder(rows: readonly ProtocolParagraphRow[]): ProtocolParagraphRow[] {
  return [...rows].sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || a.position - b.position);
}

const EMPTY_RECORD: MeetingRecord = { motions: [], propositions: [], votes: [], reservations: [], jav: [], notes: '' };

/** The facts recorded at the meeting for each item (KL 5:67), by item id. */
async function meetingRecords(db: Db, model: AttendanceModel, itemIds: string[], javByItem: Map<string, JavEntry[]>): Promise<Map<string, MeetingRecord>> {
  const out = new Map<string, MeetingRecord>();
  if (itemIds.length === 0) return out;
  const { motionRows, propositionRows, voteRows, reservationRows, ballotRows } = await read.listItemRecords(db, itemIds);
  const electionRows = await loadElectionRecords(db, itemIds);
  const names = await namesById(db, [...motionRows.map((m) => m.personId), ...reservationRows.map((r) => r.personId), ...ballotRows.map((b) => b.personId)]);
  const towns = await organisationNames(db, [...ballotRows.map((b) => b.municipalityId ?? names.get(b.personId)?.organisationId ?? null)]);
  const nameOf = (id: string) => names.get(id)?.name ?? '';
  const collator = new Intl.Collator('sv');
  const items = model.items.filter((i) => itemIds.includes(i.id));
  for (const item of items) {
    out.set(item.id, {
      motions: motionRows.filter((m) => m.itemId === item.id && !m.withdrawn).map((m) => ({ by: nameOf(m.personId), text: m.text, ...(m.kind ? { kind: m.kind } : {}) })),
      propositions: propositionRows.filter((p) => p.itemId === item.id).map((p) => ({ text: p.text, outcome: p.outcome })),
      votes: voteRows
        .filter((v) => v.itemId === item.id)
        .map((v) => ({
          ...voteCounts(v),
          ballots: ballotRows
            .filter((b) => b.voteId === v.id)
            .map((b) => ({ name: nameOf(b.personId), municipality: towns.get(b.municipalityId ?? names.get(b.personId)?.organisationId ?? '') ?? '', choice: b.choice }))
            .sort((a, b) => collator.compare(a.municipality, b.municipality) || collator.compare(a.name, b.name)),
        })),
      ...(electionRows.has(item.id) ? { elections: electionRows.get(item.id) } : {}),
      reservations: reservationRows.filter((r) => r.itemId === item.id).map((r) => ({ name: nameOf(r.personId), reason: r.reason })),
      jav: javByItem.get(item.id) ?? [],
      notes: item.protocolNotes,
    });
  }
  return out;
}

/** The meeting's notes prefill the paragraph's handling text: print them once, not twice. */
function withoutRepeatedNotes(record: MeetingRecord, handling: string): MeetingRecord {
  return record.notes.trim() === handling.trim() ? { ...record, notes: '' } : record;
}

/** The protocol as one value; § numbers are null until the draft is locked. */
/** The beslutsunderlag line of a secret document that has no public description. */
const SECRET_BASIS_TEXT = 'Handling som omfattas av sekretess';

export async function loadProtocol(db: Db, protocolId: string): Promise<ProtocolDocument | undefined> {
  const protocol = await findProtocol(db, protocolId);
  if (!protocol) return undefined;
  const meeting = await read.findMeeting(db, protocol.meetingId);
  if (!meeting) throw new Error(`protocol ${protocolId} has no meeting`);
  const body = await read.findBody(db, meeting.bodyId);
  if (!body) throw new Error(`meeting ${meeting.id} has no body`);
  const { organisation, host } = await read.findCommitteeWithHost(db, body.organisationId);
  const model = await loadAttendanceModel(db, meeting);
  const paragraphs = inPrintOrder(await listParagraphs(db, protocolId));
  const itemIds = paragraphs.flatMap((p) => (p.agendaItemId ? [p.agendaItemId] : []));
  const service = serviceOf(model, paragraphs);
  const records = await meetingRecords(db, model, itemIds, service.javByItem);
  const tabled = new Set(model.items.filter((i) => i.status === 'tabled').map((i) => i.id));
  const documentIds = paragraphs.flatMap((p) => p.decisionBasis.flatMap((b) => (b.documentId ? [b.documentId] : [])));
  const docRows = await read.listDocumentNumbers(db, documentIds);
  const hids = new Map(docRows.map((d) => [d.id, formatHandlingId({ year: d.year, number: d.number })]));
  const persons = await namesById(db, [protocol.chairPersonId, protocol.adjusterPersonId].filter((id): id is string => id !== null));
  const start = instantToStockholm(meeting.startsAt);
  const end = meeting.closedAt ?? meeting.endsAt;
  return {
    protocolId: protocol.id,
    status: protocol.status,
    organisationName: organisation?.name ?? '',
    bodyName: body.name,
    letterhead: letterheadOf({ settings: organisation?.settings ?? {}, hostName: host?.name ?? null, bodyName: body.name, isCommitteeBody: body.kind === 'committee' }),
    meetingDate: start.date,
    startTime: start.time,
    endTime: end ? instantToStockholm(end).time : null,
    place: meeting.place,
    served: service.served,
    otherPresent: protocol.otherPresent,
    chair: protocol.chairPersonId ? (persons.get(protocol.chairPersonId)?.name ?? null) : null,
    adjuster: protocol.adjusterPersonId ? (persons.get(protocol.adjusterPersonId)?.name ?? null) : null,
    secretary: protocol.secretaryName,
    justeringPlace: protocol.justeringPlace,
    justeringDate: protocol.justeringDate,
    paragraphs: paragraphs.map(
      (p): ProtocolParagraph => ({
        id: p.id,
        number: p.number,
        heading: p.heading,
        publicHeading: p.secrecyProvision ? publicHeadingOf({ publicHeading: p.publicHeading, caseNumber: p.caseNumber }) : null,
        caseNumber: p.caseNumber,
        decision: p.decision,
        summary: p.summary,
        handling: p.handling,
        record: withoutRepeatedNotes((p.agendaItemId ? records.get(p.agendaItemId) : undefined) ?? EMPTY_RECORD, p.handling),
        decisionBasis: p.decisionBasis.map((b) => ({ hid: b.documentId ? (hids.get(b.documentId) ?? null) : null, text: b.text })),
        recipients: p.recipients,
        secrecyProvision: p.secrecyProvision,
        immediateJustering: p.immediateJustering,
        ...(p.agendaItemId && tabled.has(p.agendaItemId) ? { tabled: true as const } : {}),
      }),
    ),
  };
}

/** The texts a new draft's paragraph starts with, taken from the handled item. */
export interface DraftParagraph {
  agendaItemId: string;
  heading: string;
  caseNumber: string | null;
  decision: string;
  summary: string;
  handling: string;
  decisionBasis: { documentId: string | null; text: string }[];
  recipients: string[];
  secrecyProvision: string | null;
  publicHeading: string | null;
  immediateJustering: boolean;
}

export const DEFAULT_SECRECY = 'Sekretess enligt offentlighets- och sekretesslagen (2009:400)';

/** One paragraph per handled item, in agenda order, texts prefilled from the meeting. */
export async function draftParagraphs(db: Db, items: readonly AgendaItemRow[]): Promise<DraftParagraph[]> {
  const handled = items.filter((i) => HANDLED.has(i.status));
  const caseIds = handled.flatMap((i) => (i.caseId ? [i.caseId] : []));
  const caseRows = await read.listCases(db, caseIds);
  const caseNumbers = new Map(caseRows.map((c) => [c.id, formatCaseNumber({ year: c.year, runningNumber: c.number, classificationCode: c.classificationCode })]));
  const links = await listItemDocumentIds(db, handled.map((i) => i.id));
  const docRows = await read.listDocuments(db, links.map((l) => l.documentId));
  const docs = new Map(docRows.map((d) => [d.id, d]));
  const tabledTo = handled.flatMap((i) => (i.tabledToMeetingId ? [i.tabledToMeetingId] : []));
  const laterRows = await read.listMeetingDates(db, tabledTo);
  const laterDates = new Map(laterRows.map((m) => [m.id, swedishDate(m.startsAt)]));
  return handled.map((item) => {
    const basis = links.filter((l) => l.itemId === item.id).flatMap((l) => {
      const d = docs.get(l.documentId);
      return d ? [d] : [];
    });
    const tabledDate = item.tabledToMeetingId ? laterDates.get(item.tabledToMeetingId) : undefined;
    const decision =
      item.status === 'tabled' ? (tabledDate ? `Ärendet bordläggs till sammanträdet ${tabledDate}.` : 'Ärendet bordläggs.') : (item.decisionText ?? item.proposal).trim();
    return {
      agendaItemId: item.id,
      heading: item.heading,
      caseNumber: item.caseId ? (caseNumbers.get(item.caseId) ?? null) : null,
      decision,
      summary: item.summary,
      handling: item.protocolNotes,
      // A secret document is named in the protocol by its public registry entry (OSL 5:5), never by its content.
      decisionBasis: basis.map((d) => ({ documentId: d.id, text: d.secrecy === 'secret' ? d.publicDescription || SECRET_BASIS_TEXT : d.description })),
      recipients: [...item.recipients],
      secrecyProvision: item.isSecret ? (item.secrecyProvision ?? basis.find((d) => d.secrecyProvision)?.secrecyProvision ?? DEFAULT_SECRECY) : null,
      publicHeading: item.isSecret ? item.publicHeading : null,
      immediateJustering: item.immediateJustering,
    };
  });
}
