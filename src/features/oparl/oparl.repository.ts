/**
 * The rows OParl publishes, read in a handful of statements. Only what the public may see is
 * selected: no e-mail, phone or personal identity numbers of people, documents only when
 * public (never secret or internal), meetings only of bodies whose calendar is public, and
 * the decision text of a protocol paragraph only when it is final and not under secrecy.
 */
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { agendaItemDocuments, agendaItems, meetings, voteBallots, votes } from '../meetings/meetings.tables.js';
import { deletedObjects } from './oparl.tables.js';
import { bodies, mandates, organisations, people } from '../organisation/organisation.tables.js';
import { protocolCorrections, protocolParagraphs, protocols, protocolSnapshots } from '../protocols/protocols.tables.js';
import { cases, documentFiles, documents } from '../registry/registry.tables.js';
import type { FrozenVote } from '../protocols/protocol-snapshot.js';

const publicBody = and(eq(bodies.id, meetings.bodyId), eq(bodies.isPublic, true));

async function loadMeetingsAndItems(db: Db) {
  const meetingRows = await db
    .select({
      id: meetings.id,
      bodyId: meetings.bodyId,
      kind: meetings.kind,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      place: meetings.place,
      status: meetings.status,
      noticeSentAt: meetings.noticeSentAt,
      origin: meetings.origin,
      createdAt: meetings.createdAt,
      updatedAt: meetings.updatedAt,
    })
    .from(meetings)
    .innerJoin(bodies, publicBody);
  const itemRows = await db
    .select({
      id: agendaItems.id,
      meetingId: agendaItems.meetingId,
      position: agendaItems.position,
      kind: agendaItems.kind,
      caseId: agendaItems.caseId,
      heading: agendaItems.heading,
      status: agendaItems.status,
      tabledToMeetingId: agendaItems.tabledToMeetingId,
      isSecret: agendaItems.isSecret,
      publicHeading: agendaItems.publicHeading,
      origin: agendaItems.origin,
      createdAt: agendaItems.createdAt,
      updatedAt: agendaItems.updatedAt,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(bodies, publicBody);
  const basisRows = await db
    .select({ itemId: agendaItemDocuments.itemId, documentId: agendaItemDocuments.documentId, position: agendaItemDocuments.position })
    .from(agendaItemDocuments)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaItemDocuments.itemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(bodies, publicBody);
  return { meetingRows, itemRows, basisRows };
}

/** Final protocols only: before justering a protocol is not a public decision record. */
async function loadProtocols(db: Db) {
  const protocolRows = await db
    .select({ id: protocols.id, meetingId: protocols.meetingId, justeringDate: protocols.justeringDate, finalAt: protocols.finalAt, createdAt: protocols.createdAt, updatedAt: protocols.updatedAt })
    .from(protocols)
    .innerJoin(meetings, eq(meetings.id, protocols.meetingId))
    .innerJoin(bodies, publicBody)
    .where(eq(protocols.status, 'final'));
  const finalOnly = and(eq(protocols.id, protocolParagraphs.protocolId), eq(protocols.status, 'final'));
  const paragraphRows = await db
    .select({
      agendaItemId: protocolParagraphs.agendaItemId,
      number: protocolParagraphs.number,
      secret: sql<boolean>`${protocolParagraphs.secrecyProvision} is not null`,
      // The decision of a paragraph under secrecy never leaves the database.
      decision: sql<string>`case when ${protocolParagraphs.secrecyProvision} is null then ${protocolParagraphs.decision} else '' end`,
      updatedAt: protocolParagraphs.updatedAt,
    })
    .from(protocolParagraphs)
    .innerJoin(protocols, finalOnly)
    .innerJoin(meetings, eq(meetings.id, protocols.meetingId))
    .innerJoin(bodies, publicBody);
  const finalItem = and(eq(protocolParagraphs.agendaItemId, votes.itemId), isNull(protocolParagraphs.secrecyProvision));
  const liveVoteRows = await db
    .select({
      protocolId: protocols.id,
      id: votes.id,
      itemId: votes.itemId,
      kind: votes.kind,
      yesMeans: votes.yesMeans,
      noMeans: votes.noMeans,
      yes: votes.yes,
      no: votes.no,
      abstain: votes.abstain,
      outcome: votes.outcome,
      decidedByCastingVote: votes.decidedByCastingVote,
      lotteryResult: votes.lotteryResult,
      createdAt: votes.createdAt,
    })
    .from(votes)
    .innerJoin(protocolParagraphs, finalItem)
    .innerJoin(protocols, finalOnly);
  const liveBallotRows = await db
    .select({ protocolId: protocols.id, voteId: voteBallots.voteId, personId: voteBallots.personId, name: people.name, municipalityId: voteBallots.municipalityId, choice: voteBallots.choice })
    .from(voteBallots)
    .innerJoin(votes, eq(votes.id, voteBallots.voteId))
    .innerJoin(people, eq(people.id, voteBallots.personId))
    .innerJoin(protocolParagraphs, finalItem)
    .innerJoin(protocols, finalOnly);
  // A final protocol's votes and the names in them as they were at justering (issue 16).
  const frozenRows = await db
    .select({ protocolId: protocolSnapshots.protocolId, votes: protocolSnapshots.votes })
    .from(protocolSnapshots)
    .innerJoin(protocols, eq(protocols.id, protocolSnapshots.protocolId))
    .innerJoin(meetings, eq(meetings.id, protocols.meetingId))
    .innerJoin(bodies, publicBody);
  const frozen = new Set(frozenRows.map((r) => r.protocolId));
  const frozenVotes = frozenRows.flatMap((r) => (r.votes as FrozenVote[]).map((v) => ({ ...v, protocolId: r.protocolId })));
  const voteRows = [
    ...liveVoteRows.filter((v) => !frozen.has(v.protocolId)),
    ...frozenVotes.map(({ ballots: _ballots, ...v }) => ({ ...v, createdAt: new Date(v.createdAt) })),
  ];
  const ballotRows = [
    ...liveBallotRows.filter((b) => !frozen.has(b.protocolId)),
    ...frozenVotes.flatMap((v) => v.ballots.map((b) => ({ ...b, protocolId: v.protocolId, voteId: v.id }))),
  ];
  // Public corrections (rättelser, FL 36 §) of final protocols: each a sealed PDF of its own.
  const correctionRows = await db
    .select({ protocolId: protocolCorrections.protocolId, number: protocolCorrections.number, pdfSha256: protocolCorrections.pdfSha256, createdAt: protocolCorrections.createdAt })
    .from(protocolCorrections)
    .innerJoin(protocols, and(eq(protocols.id, protocolCorrections.protocolId), eq(protocols.status, 'final')))
    .innerJoin(meetings, eq(meetings.id, protocols.meetingId))
    .innerJoin(bodies, publicBody)
    .where(eq(protocolCorrections.public, true));
  return { protocolRows, paragraphRows, voteRows, ballotRows, correctionRows };
}

/** Cases of the committees and cases on a public body's agenda; their public documents and files. */
async function loadRegistry(db: Db, committeeIds: string[], itemCaseIds: string[], basisDocumentIds: string[]) {
  const none = ['00000000-0000-0000-0000-000000000000'];
  const ids = (list: string[]) => (list.length > 0 ? list : none);
  const caseRows = await db
    .select({ id: cases.id, organisationId: cases.organisationId, year: cases.year, number: cases.number, classificationCode: cases.classificationCode, title: cases.title, openedOn: cases.openedOn, origin: cases.origin, createdAt: cases.createdAt, updatedAt: cases.updatedAt })
    .from(cases)
    .where(or(inArray(cases.organisationId, ids(committeeIds)), inArray(cases.id, ids(itemCaseIds))));
  const documentRows = await db
    .select({ id: documents.id, year: documents.year, number: documents.number, caseId: documents.caseId, documentDate: documents.documentDate, description: documents.description, origin: documents.origin, registeredAt: documents.registeredAt, updatedAt: documents.updatedAt })
    .from(documents)
    .where(and(eq(documents.secrecy, 'public'), or(inArray(documents.caseId, ids(caseRows.map((c) => c.id))), inArray(documents.id, ids(basisDocumentIds)))));
  const fileRows = await db
    .select({ id: documentFiles.id, documentId: documentFiles.documentId, version: documentFiles.version, filename: documentFiles.filename, mimeType: documentFiles.mimeType, size: documentFiles.size, sha256: documentFiles.sha256, createdAt: documentFiles.createdAt })
    .from(documentFiles)
    .innerJoin(documents, and(eq(documents.id, documentFiles.documentId), eq(documents.secrecy, 'public')));
  const publicIds = new Set(documentRows.map((d) => d.id));
  return { caseRows, documentRows, fileRows: fileRows.filter((f) => publicIds.has(f.documentId)) };
}

/** Everything OParl publishes, as rows. */
export async function loadPublicData(db: Db) {
  const organisationRows = await db
    .select({ id: organisations.id, kind: organisations.kind, name: organisations.name, slug: organisations.slug, committeeId: organisations.committeeId, createdAt: organisations.createdAt, updatedAt: organisations.updatedAt })
    .from(organisations);
  const bodyRows = await db.select({ id: bodies.id, organisationId: bodies.organisationId, kind: bodies.kind, name: bodies.name, isPublic: bodies.isPublic, createdAt: bodies.createdAt, updatedAt: bodies.updatedAt }).from(bodies);
  const mandateRows = await db
    .select({ id: mandates.id, personId: mandates.personId, bodyId: mandates.bodyId, municipalityId: mandates.municipalityId, role: mandates.role, position: mandates.position, termFrom: mandates.termFrom, termTo: mandates.termTo, createdAt: mandates.createdAt, updatedAt: mandates.updatedAt })
    .from(mandates)
    .innerJoin(bodies, and(eq(bodies.id, mandates.bodyId), eq(bodies.isPublic, true)));
  // Name only: e-mail and phone of people stay out of open data.
  const personRows = await db
    .selectDistinct({ id: people.id, name: people.name, createdAt: people.createdAt, updatedAt: people.updatedAt })
    .from(people)
    .innerJoin(mandates, eq(mandates.personId, people.id))
    .innerJoin(bodies, and(eq(bodies.id, mandates.bodyId), eq(bodies.isPublic, true)));
  const meetingData = await loadMeetingsAndItems(db);
  const protocolData = await loadProtocols(db);
  const committeeIds = organisationRows.filter((o) => o.kind === 'committee').map((o) => o.id);
  const itemCaseIds = [...new Set(meetingData.itemRows.filter((i) => i.caseId && !i.isSecret).flatMap((i) => (i.caseId ? [i.caseId] : [])))];
  const basisIds = [...new Set(meetingData.basisRows.map((b) => b.documentId))];
  const registry = await loadRegistry(db, committeeIds, itemCaseIds, basisIds);
  const tombstones = await db.select().from(deletedObjects);
  return { organisationRows, bodyRows, mandateRows, personRows, ...meetingData, ...protocolData, ...registry, tombstones };
}

export type PublicData = Awaited<ReturnType<typeof loadPublicData>>;

/** The bytes of a file of a public document, or undefined when the file is not public. */
export async function findPublicFile(db: Db, fileId: string) {
  const [row] = await db
    .select({ filename: documentFiles.filename, mimeType: documentFiles.mimeType, sha256: documentFiles.sha256 })
    .from(documentFiles)
    .innerJoin(documents, and(eq(documents.id, documentFiles.documentId), eq(documents.secrecy, 'public')))
    .where(eq(documentFiles.id, fileId));
  return row;
}

/** The SHA-256 the signers of a protocol signed, printed on its PDF. */
/** Final protocols of public bodies that have no snapshot yet (made final before snapshots existed). */
export async function finalProtocolsWithoutSnapshot(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: protocols.id })
    .from(protocols)
    .innerJoin(meetings, eq(meetings.id, protocols.meetingId))
    .innerJoin(bodies, publicBody)
    .leftJoin(protocolSnapshots, eq(protocolSnapshots.protocolId, protocols.id))
    .where(and(eq(protocols.status, 'final'), isNull(protocolSnapshots.protocolId)));
  return rows.map((r) => r.id);
}
