/**
 * Meeting, AgendaItem and Location, and the public protocol as the meeting's `resultsProtocol`.
 * Only meetings of organs whose calendar is public; the agenda once the notice has gone out (the
 * notice is a public document from then on); results, decision texts and votes once the protocol
 * is final (justerat, KL 5:69), and never of an item or paragraph under secrecy.
 */
import { createHash } from 'node:crypto';
import { instantToStockholm } from '../meetings/calendar.js';
import type { PublicData } from './oparl.repository.js';
import { addTo, compact, iso, latest, originProperty, typeUri, VENDOR, type OparlObject } from './oparl.model.js';
import type { OrganisationIndex } from './oparl.organisations.js';
import { lastDeletion, presentTombstone, type SnapshotBuilder, type Tombstone } from './oparl.snapshot.js';
import { voteCounts } from '../protocols/protocol.model.js';

type MeetingRow = PublicData['meetingRows'][number];
type ItemRow = PublicData['itemRows'][number];

/** What an item on a secret agenda point is called in public (OSL: the heading may itself reveal the secret). */
export const SECRET_ITEM_NAME = 'Ärende som omfattas av sekretess';

const STATE: Record<MeetingRow['status'], string> = { planned: 'planerat', open: 'pågår', closed: 'genomfört', cancelled: 'inställt' };
const RESULT: Record<ItemRow['status'], string | undefined> = { pending: undefined, decided: 'Beslutat', noted: 'Noterat', tabled: 'Bordlagt' };
const KIND_NAME: Record<MeetingRow['kind'], string> = { meeting: 'sammanträde', strategy_day: 'strategidag' };

/** The meetings and agenda items OParl publishes, before any object is made. */
export interface MeetingIndex {
  meetings: Map<string, MeetingRow & { committeeId: string }>;
  /** Items of a published agenda, by id. */
  items: Map<string, ItemRow>;
  /** Items of a published agenda that are not secret, by case. */
  itemsByCase: Map<string, ItemRow[]>;
  /** Public basis documents of items that are not secret: document → items. */
  itemsByDocument: Map<string, ItemRow[]>;
}

const agendaIsPublic = (m: MeetingRow) => m.noticeSentAt !== null || m.status === 'open' || m.status === 'closed';

export function indexMeetings(data: PublicData, org: OrganisationIndex): MeetingIndex {
  const index: MeetingIndex = { meetings: new Map(), items: new Map(), itemsByCase: new Map(), itemsByDocument: new Map() };
  for (const m of data.meetingRows) {
    const committeeId = org.committeeOfBody.get(m.bodyId);
    if (committeeId) index.meetings.set(m.id, { ...m, committeeId });
  }
  for (const item of data.itemRows) {
    const meeting = index.meetings.get(item.meetingId);
    if (!meeting || !agendaIsPublic(meeting)) continue;
    index.items.set(item.id, item);
    if (item.caseId && !item.isSecret) addTo(index.itemsByCase, item.caseId, item);
  }
  for (const basis of data.basisRows) {
    const item = index.items.get(basis.itemId);
    if (item && !item.isSecret) addTo(index.itemsByDocument, basis.documentId, item);
  }
  return index;
}

/** A meeting place as a Location; its key is derived from the text, the only thing Kansli records of it. */
export const locationKey = (place: string) => createHash('sha256').update(place.trim()).digest('hex').slice(0, 24);

function presentLocations(b: SnapshotBuilder, mi: MeetingIndex): Map<string, OparlObject> {
  const { u } = b;
  const groups = new Map<string, MeetingRow[]>();
  for (const m of mi.meetings.values()) addTo(groups, locationKey(m.place), m);
  const out = new Map<string, OparlObject>();
  for (const [key, meetings] of groups) {
    const first = meetings[0];
    if (!first) continue;
    const location = b.put({
      id: u.location(key),
      type: typeUri('Location'),
      description: first.place.trim(),
      bodies: [...new Set(meetings.map((m) => u.body(mi.meetings.get(m.id)?.committeeId ?? '')))],
      meetings: meetings.map((m) => u.meeting(m.id)),
      created: iso(meetings.reduce((min, m) => (m.createdAt < min ? m.createdAt : min), first.createdAt)),
      modified: iso(latest(first.updatedAt, ...meetings.map((m) => m.updatedAt))),
    });
    out.set(key, location);
    for (const committeeId of new Set(meetings.map((m) => mi.meetings.get(m.id)?.committeeId ?? ''))) b.list(b.u.bodyList(committeeId, 'location'), location);
  }
  return out;
}

interface ItemContext {
  paragraphs: Map<string, PublicData['paragraphRows'][number]>;
  votes: Map<string, PublicData['voteRows']>;
  ballots: Map<string, PublicData['ballotRows']>;
  finalMeetings: Set<string>;
  filesByDocument: Map<string, OparlObject[]>;
  /** Cases published as Paper: the item then has a Consultation. */
  papers: Map<string, string>;
  org: OrganisationIndex;
  basis: Map<string, string[]>;
  meetings: MeetingIndex['meetings'];
}

function presentVotes(b: SnapshotBuilder, c: ItemContext, itemId: string) {
  const { u } = b;
  const rows = c.votes.get(itemId) ?? [];
  if (rows.length === 0) return undefined;
  return rows.map((v) =>
    compact({
      kind: v.kind,
      ...voteCounts(v),
      lotteryResult: v.lotteryResult ?? undefined,
      // KL 5:67: how each member voted in an open vote is part of the protocol.
      ballots: (c.ballots.get(v.id) ?? []).map((ballot) =>
        compact({
          person: c.org.personIds.has(ballot.personId) ? u.person(ballot.personId) : undefined,
          name: ballot.name,
          onBehalfOf: ballot.municipalityId ? u.organization(ballot.municipalityId) : undefined,
          choice: ballot.choice,
        }),
      ),
    }),
  );
}

function presentItem(b: SnapshotBuilder, c: ItemContext, meeting: MeetingRow & { committeeId: string }, item: ItemRow): OparlObject {
  const { u } = b;
  const final = c.finalMeetings.has(meeting.id);
  const paragraph = final ? c.paragraphs.get(item.id) : undefined;
  const open = !item.isSecret && !paragraph?.secret;
  const files = open ? (c.basis.get(item.id) ?? []).flatMap((documentId) => c.filesByDocument.get(documentId) ?? []) : [];
  const tabledTo = item.tabledToMeetingId && c.meetings.has(item.tabledToMeetingId) ? u.meeting(item.tabledToMeetingId) : undefined;
  return b.put(
    compact({
      id: u.agendaItem(item.id),
      type: typeUri('AgendaItem'),
      meeting: u.meeting(meeting.id),
      number: String(item.position),
      order: item.position,
      name: item.isSecret ? (item.publicHeading?.trim() || SECRET_ITEM_NAME) : item.heading,
      public: !item.isSecret,
      consultation: !item.isSecret && item.caseId && c.papers.has(item.caseId) ? u.consultation(item.id) : undefined,
      result: final && open ? RESULT[item.status] : undefined,
      resolutionText: open && paragraph?.decision ? paragraph.decision : undefined,
      auxiliaryFile: files.length > 0 ? files : undefined,
      [`${VENDOR}:paragraph`]: paragraph?.number ? `§ ${paragraph.number}` : undefined,
      [`${VENDOR}:votes`]: final && open ? presentVotes(b, c, item.id) : undefined,
      [`${VENDOR}:tabledTo`]: open ? tabledTo : undefined,
      ...originProperty(item.origin),
      created: iso(item.createdAt),
      modified: iso(latest(item.updatedAt, paragraph?.updatedAt)),
    }),
  );
}

function presentProtocolFile(b: SnapshotBuilder, meeting: MeetingRow, organName: string, protocol: PublicData['protocolRows'][number]): OparlObject {
  const { u } = b;
  const key = `protokoll-${protocol.id}`;
  const day = instantToStockholm(meeting.startsAt).date;
  const fileName = `protokoll-${day}.pdf`;
  b.files.set(u.file(key), { kind: 'protocol', protocolId: protocol.id, fileName });
  return b.put(
    compact({
      id: u.file(key),
      type: typeUri('File'),
      name: `Protokoll ${organName} ${day} (offentlig version)`,
      fileName,
      mimeType: 'application/pdf',
      // The day of justering (the last signature), not the planned one; only final protocols are published.
      date: protocol.finalAt ? instantToStockholm(protocol.finalAt).date : (protocol.justeringDate ?? undefined),
      accessUrl: u.fileAccess(key),
      downloadUrl: u.fileDownload(key),
      meeting: [u.meeting(meeting.id)],
      created: iso(protocol.finalAt ?? protocol.createdAt),
      modified: iso(latest(protocol.updatedAt, protocol.finalAt)),
    }),
  );
}

/** The public rättelser (FL 36 §) of a final protocol: each its own sealed PDF, beside the protocol. */
function presentCorrectionFiles(b: SnapshotBuilder, meeting: MeetingRow, organName: string, corrections: PublicData['correctionRows']): OparlObject[] {
  const { u } = b;
  const day = instantToStockholm(meeting.startsAt).date;
  return [...corrections]
    .sort((a, z) => a.number - z.number)
    .map((c) => {
      const key = `rattelse-${c.protocolId}-${c.number}`;
      const fileName = `protokoll-${day}-rattelse-${c.number}.pdf`;
      b.files.set(u.file(key), { kind: 'stored', sha256: c.pdfSha256, fileName });
      return b.put(
        compact({
          id: u.file(key),
          type: typeUri('File'),
          name: `Rättelse ${c.number} av protokoll ${organName} ${day}`,
          fileName,
          mimeType: 'application/pdf',
          date: instantToStockholm(c.createdAt).date,
          accessUrl: u.fileAccess(key),
          downloadUrl: u.fileDownload(key),
          meeting: [u.meeting(meeting.id)],
          created: iso(c.createdAt),
          modified: iso(c.createdAt),
        }),
      );
    });
}

export interface MeetingInputs {
  mi: MeetingIndex;
  org: OrganisationIndex;
  filesByDocument: Map<string, OparlObject[]>;
  papers: Map<string, string>;
  deletions: Map<string, Tombstone[]>;
}

/** Every published meeting with its location, agenda and public protocol, and the lists they are in. */
export function presentMeetings(b: SnapshotBuilder, inputs: MeetingInputs): void {
  const { u, data } = b;
  const { mi, org, deletions } = inputs;
  const protocolOf = new Map(data.protocolRows.map((p) => [p.meetingId, p]));
  const correctionsOf = new Map<string, PublicData['correctionRows']>();
  for (const row of data.correctionRows) addTo(correctionsOf, row.protocolId, row);
  const c: ItemContext = {
    paragraphs: new Map(data.paragraphRows.flatMap((p) => (p.agendaItemId ? [[p.agendaItemId, p] as const] : []))),
    votes: new Map(),
    ballots: new Map(),
    finalMeetings: new Set(protocolOf.keys()),
    filesByDocument: inputs.filesByDocument,
    papers: inputs.papers,
    org,
    basis: new Map(),
    meetings: mi.meetings,
  };
  for (const v of data.voteRows) addTo(c.votes, v.itemId, v);
  for (const ballot of data.ballotRows) addTo(c.ballots, ballot.voteId, ballot);
  for (const row of [...data.basisRows].sort((a, z) => a.position - z.position)) addTo(c.basis, row.itemId, row.documentId);
  const itemsOf = new Map<string, ItemRow[]>();
  for (const item of mi.items.values()) addTo(itemsOf, item.meetingId, item);
  const locations = presentLocations(b, mi);
  const organs = new Map(data.bodyRows.map((o) => [o.id, o]));
  for (const committeeId of new Set([...org.committeeOfBody.values()])) {
    for (const list of ['meeting', 'agendaitem', 'location'] as const) b.list(u.bodyList(committeeId, list));
  }
  for (const meeting of mi.meetings.values()) {
    const organName = organs.get(meeting.bodyId)?.name ?? '';
    const items = (itemsOf.get(meeting.id) ?? []).sort((a, z) => a.position - z.position).map((item) => presentItem(b, c, meeting, item));
    const protocol = protocolOf.get(meeting.id);
    const gone = deletions.get(meeting.id);
    const corrections = protocol ? presentCorrectionFiles(b, meeting, organName, correctionsOf.get(protocol.id) ?? []) : [];
    const object = b.put(
      compact({
        id: u.meeting(meeting.id),
        type: typeUri('Meeting'),
        name: `${organName}, ${KIND_NAME[meeting.kind]} ${instantToStockholm(meeting.startsAt).date}`,
        meetingState: meeting.status === 'planned' && meeting.noticeSentAt ? 'kallat' : STATE[meeting.status],
        cancelled: meeting.status === 'cancelled',
        start: iso(meeting.startsAt),
        end: meeting.endsAt ? iso(meeting.endsAt) : undefined,
        location: locations.get(locationKey(meeting.place)),
        organization: [u.organization(meeting.bodyId)],
        resultsProtocol: protocol ? presentProtocolFile(b, meeting, organName, protocol) : undefined,
        auxiliaryFile: corrections.length > 0 ? corrections : undefined,
        agendaItem: agendaIsPublic(meeting) ? items : undefined,
        ...originProperty(meeting.origin),
        created: iso(meeting.createdAt),
        modified: iso(latest(meeting.updatedAt, ...items.map((i) => new Date(i.modified)), ...corrections.map((f) => new Date(f.modified)), protocol?.updatedAt, lastDeletion(gone))),
      }),
    );
    b.list(u.bodyList(meeting.committeeId, 'meeting'), object);
    b.list(u.organizationMeetings(meeting.bodyId), object);
    for (const item of items) b.list(u.bodyList(meeting.committeeId, 'agendaitem'), item);
    if (object.resultsProtocol) b.list(u.bodyList(meeting.committeeId, 'file'), object.resultsProtocol as OparlObject);
    for (const file of corrections) b.list(u.bodyList(meeting.committeeId, 'file'), file);
    for (const t of gone ?? []) {
      const tombstone = t.kind === 'agendaitem' ? presentTombstone(u, t) : undefined;
      if (tombstone && !b.objects.has(tombstone.id)) b.list(u.bodyList(meeting.committeeId, 'agendaitem'), b.put(tombstone));
    }
  }
}
