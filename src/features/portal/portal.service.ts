/**
 * The public portal: what anyone may read without signing in. Every view here is built for an
 * anonymous reader, also when a signed-in user looks, so that staff see exactly what the public
 * sees: public bodies only, final protocols only in their public version, and registered
 * documents only as the public registry shows them.
 */
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { swedishDate, type Clock } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import { formatHandlingId } from '../../domain/index.js';
import { assertCan, type Principal } from '../../platform/auth/policy.js';
import { instantToStockholm } from '../meetings/calendar.js';
import { listItemDocumentIds, listItems } from '../meetings/meetings.repository.js';
import { loadProtocol } from '../protocols/protocol-build.js';
import { createFrozenProtocols } from '../protocols/protocol-snapshot.js';
import { publicVersion, type ProtocolDocument } from '../protocols/protocol.model.js';
import { findProtocolByMeeting, listParagraphs } from '../protocols/protocol.repository.js';
import { SECRET_ENTRY_DESCRIPTION } from '../registry/secrecy.js';
import * as repo from './portal.repository.js';

const MEETING_NOT_FOUND = { sv: 'Sammanträdet finns inte bland de offentliga sammanträdena.', en: 'The meeting is not among the public meetings.' };
const PROTOCOL_NOT_FOUND = { sv: 'Sammanträdet har inget justerat protokoll ännu.', en: 'The meeting has no adjusted protocol yet.' };

type DocumentFacts = Awaited<ReturnType<typeof repo.listDocumentsByIds>>[number];

/** A registered document as a public page may name it: public in full, secret by its public entry, internal not at all. */
export function publicDocumentLabel(doc: DocumentFacts): { id: string; hid: string; description: string; secret: boolean } | null {
  const hid = formatHandlingId({ year: doc.year, number: doc.number });
  if (doc.secrecy === 'public') return { id: doc.id, hid, description: doc.description, secret: false };
  if (doc.secrecy === 'secret') return { id: doc.id, hid, description: doc.publicDescription ?? SECRET_ENTRY_DESCRIPTION.sv, secret: true };
  return null;
}

export function createPortalService(deps: { database: Database; config: Config; clock: Clock }) {
  const db = deps.database.db;
  const { clock } = deps;
  const frozen = createFrozenProtocols(deps);

  const meetingSummary = (row: repo.PublicMeetingRow) => {
    const start = instantToStockholm(row.meeting.startsAt);
    return {
      id: row.meeting.id,
      date: start.date,
      time: start.time,
      place: row.meeting.place,
      status: row.meeting.status,
      kind: row.meeting.kind,
      bodyId: row.body.id,
      bodyName: row.body.name,
      committeeName: row.committeeName,
      hasProtocol: row.protocolStatus === 'final',
      origin: row.meeting.origin,
    };
  };

  return {
    /** The start page: coming meetings and the latest protocols. */
    async start(principal: Principal | null) {
      assertCan(principal, 'public');
      const upcoming = (await repo.listPublicMeetings(db, { from: clock(), limit: 6 })).map(meetingSummary);
      const latest = (await repo.listLatestProtocols(db, 6)).map((r) => ({
        meetingId: r.meeting.id,
        bodyName: r.body.name,
        meetingDate: swedishDate(r.meeting.startsAt),
        justeredOn: r.protocol.finalAt ? swedishDate(r.protocol.finalAt) : null,
      }));
      return { upcoming, latest };
    },

    /** Every meeting of the public bodies, optionally of one body. */
    async meetings(principal: Principal | null, bodyId?: string) {
      assertCan(principal, 'public');
      const bodies = (await repo.listPublicBodies(db)).map((b) => ({ id: b.body.id, name: b.body.name, committeeName: b.committeeName }));
      const chosen = bodyId && bodies.some((b) => b.id === bodyId) ? bodyId : undefined;
      const meetings = (await repo.listPublicMeetings(db, chosen ? { bodyId: chosen } : {})).map(meetingSummary);
      return { bodies, bodyId: chosen ?? null, meetings, today: swedishDate(clock()) };
    },

    /** One meeting: time and place, the agenda once the notice has gone out, public documents, the protocol. */
    async meeting(principal: Principal | null, meetingId: string) {
      assertCan(principal, 'public');
      const row = await repo.findPublicMeeting(db, meetingId);
      if (!row) throw notFound(MEETING_NOT_FOUND);
      const { meeting } = row;
      // Reglemente 10 §: the agenda goes out with the notice; before that it is a draft.
      const agendaPublished = meeting.noticeSentAt !== null || meeting.status === 'open' || meeting.status === 'closed';
      const items = agendaPublished ? await listItems(db, meetingId) : [];
      const links = await listItemDocumentIds(db, items.filter((i) => !i.isSecret).map((i) => i.id));
      const docs = new Map((await repo.listDocumentsByIds(db, links.map((l) => l.documentId))).map((d) => [d.id, d]));
      const protocol = await findProtocolByMeeting(db, meetingId);
      const start = instantToStockholm(meeting.startsAt);
      return {
        meeting: { id: meeting.id, date: start.date, time: start.time, endTime: meeting.endsAt ? instantToStockholm(meeting.endsAt).time : null, place: meeting.place, status: meeting.status, kind: meeting.kind, origin: meeting.origin },
        body: { id: row.body.id, name: row.body.name },
        committeeName: row.committeeName,
        agendaPublished,
        /** The public big screen (storbild) runs while the meeting is open and the chair shows it. */
        liveScreen: meeting.status === 'open' && meeting.livePublic,
        items: items.map((item) => ({
          position: item.position,
          heading: item.heading,
          kind: item.kind,
          origin: item.origin,
          secret: item.isSecret,
          proposal: item.isSecret ? '' : item.proposal,
          documents: item.isSecret
            ? []
            : links.filter((l) => l.itemId === item.id).flatMap((l) => {
                const doc = docs.get(l.documentId);
                const label = doc ? publicDocumentLabel(doc) : null;
                return label ? [label] : [];
              }),
        })),
        hasProtocol: protocol?.status === 'final',
      };
    },

    /** The public version of a final protocol (paragraphs under secrecy keep only number, heading and provision). */
    async protocol(principal: Principal | null, meetingId: string): Promise<{ doc: ProtocolDocument; digest: string | null; bodyId: string }> {
      assertCan(principal, 'public');
      const row = await repo.findPublicMeeting(db, meetingId);
      const protocol = row ? await findProtocolByMeeting(db, meetingId) : undefined;
      if (!row || !protocol) throw notFound(PROTOCOL_NOT_FOUND);
      // Before the protocol is final, the paragraphs adjusted at the meeting are already public (KL 8:12);
      // a signed paragraph cannot change (a database trigger guards it).
      const adjusted = protocol.status === 'final' ? null : new Set((await listParagraphs(db, protocol.id)).filter((p) => p.adjustedAt !== null).map((p) => p.id));
      if (adjusted?.size === 0) throw notFound(PROTOCOL_NOT_FOUND);
      // A final protocol as adjusted: the snapshot, never the live tables (issue 16).
      const full = adjusted ? await loadProtocol(db, protocol.id) : (await frozen.frozen(protocol.id)).document;
      if (!full) throw notFound(PROTOCOL_NOT_FOUND);
      const shown = adjusted ? { ...full, paragraphs: full.paragraphs.filter((p) => adjusted.has(p.id)) } : full;
      return { doc: await withPublicBasis(publicVersion(shown)), digest: adjusted ? null : protocol.canonicalSha256, bodyId: row.body.id };
    },

    /** Decisions of final protocols, for the searchable list. */
    async decisions(principal: Principal | null) {
      assertCan(principal, 'public');
      return (await repo.listPublicDecisions(db)).map((d) => ({ ...d, meetingDate: swedishDate(d.startsAt) }));
    },
  };

  /**
   * The beslutsunderlag as the public registry names them: a secret document by its public
   * entry, an internal one left out, whatever text the protocol stored for it.
   */
  async function withPublicBasis(doc: ProtocolDocument): Promise<ProtocolDocument> {
    const stored = new Map((await listParagraphs(db, doc.protocolId)).map((p) => [p.id, p.decisionBasis]));
    const ids = [...stored.values()].flatMap((basis) => basis.flatMap((b) => (b.documentId ? [b.documentId] : [])));
    const docs = new Map((await repo.listDocumentsByIds(db, ids)).map((d) => [d.id, d]));
    return {
      ...doc,
      paragraphs: doc.paragraphs.map((p) => ({
        ...p,
        decisionBasis: p.decisionBasis.flatMap((entry, index) => {
          const documentId = stored.get(p.id)?.[index]?.documentId;
          const facts = documentId ? docs.get(documentId) : undefined;
          if (!facts) return [entry];
          const label = publicDocumentLabel(facts);
          return label ? [{ hid: label.hid, text: label.secret ? label.description : entry.text }] : [];
        }),
      })),
    };
  }
}

export type PortalService = ReturnType<typeof createPortalService>;
