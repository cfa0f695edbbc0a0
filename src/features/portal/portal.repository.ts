/** SQL of the public portal: only public bodies, only final protocols, never secret content. */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, ne, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { meetings } from '../meetings/meetings.tables.js';
import { bodies, organisations } from '../organisation/organisation.tables.js';
import { protocolParagraphs, protocols } from '../protocols/protocols.tables.js';
import { selectFromParagraphs, selectFromProtocols } from '../protocols/protocol-joins.repository.js';
import { documents } from '../registry/registry.tables.js';

/**
 * A body whose meetings and protocols the portal shows: one marked public, and always the
 * committee itself, whose final protocols are public records announced on the notice boards.
 */
export const publicBody = or(eq(bodies.isPublic, true), eq(bodies.kind, 'committee'));

export type PublicMeetingRow = Awaited<ReturnType<typeof listPublicMeetings>>[number];

/** Meetings of public bodies (cancelled ones included, marked so), with body, committee and protocol status. */
export async function listPublicMeetings(db: Db, options: { from?: Date; limit?: number; bodyId?: string } = {}) {
  const conditions = [publicBody];
  if (options.from) conditions.push(and(gte(meetings.startsAt, options.from), ne(meetings.status, 'cancelled')));
  if (options.bodyId) conditions.push(eq(bodies.id, options.bodyId));
  const query = db
    .select({ meeting: meetings, body: bodies, committeeName: organisations.name, protocolStatus: protocols.status })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .innerJoin(organisations, eq(organisations.id, bodies.organisationId))
    .leftJoin(protocols, eq(protocols.meetingId, meetings.id))
    .where(and(...conditions))
    .orderBy(options.from ? asc(meetings.startsAt) : desc(meetings.startsAt));
  return options.limit ? query.limit(options.limit) : query;
}

export async function listPublicBodies(db: Db) {
  return db
    .select({ body: bodies, committeeName: organisations.name })
    .from(bodies)
    .innerJoin(organisations, eq(organisations.id, bodies.organisationId))
    .where(publicBody)
    .orderBy(asc(organisations.name), asc(bodies.name));
}

export async function findPublicMeeting(db: Db, meetingId: string) {
  const [row] = await db
    .select({ meeting: meetings, body: bodies, committeeName: organisations.name })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .innerJoin(organisations, eq(organisations.id, bodies.organisationId))
    .where(and(eq(meetings.id, meetingId), publicBody));
  return row;
}

/** The latest final protocols of public bodies. */
export async function listLatestProtocols(db: Db, limit: number) {
  return selectFromProtocols(db, { protocol: protocols, meeting: meetings, body: bodies })
    .where(and(eq(protocols.status, 'final'), publicBody))
    .orderBy(desc(protocols.finalAt))
    .limit(limit);
}

/** Decisions: the paragraphs of final protocols of public bodies that are not under secrecy. */
export async function listPublicDecisions(db: Db) {
  return selectFromParagraphs(db, {
    paragraphId: protocolParagraphs.id,
    number: protocolParagraphs.number,
    year: protocolParagraphs.year,
    heading: protocolParagraphs.heading,
    caseNumber: protocolParagraphs.caseNumber,
    decision: protocolParagraphs.decision,
    meetingId: meetings.id,
    startsAt: meetings.startsAt,
    bodyName: bodies.name,
  })
    .where(and(eq(protocols.status, 'final'), publicBody, isNull(protocolParagraphs.secrecyProvision), isNotNull(protocolParagraphs.number)))
    .orderBy(desc(meetings.startsAt), asc(protocolParagraphs.position));
}

/** Secrecy and public description of registered documents, for what a public page may name. */
export async function listDocumentsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: documents.id, year: documents.year, number: documents.number, description: documents.description, publicDescription: documents.publicDescription, secrecy: documents.secrecy, secrecyProvision: documents.secrecyProvision })
    .from(documents)
    .where(inArray(documents.id, [...ids]));
}
