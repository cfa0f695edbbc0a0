/** SQL of the publication feature: notices, the protocols they announce, and the boards. */
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/database.js';
import { users } from '../auth/auth.tables.js';
import { meetings } from '../meetings/meetings.tables.js';
import { bodies, organisations, type OrganisationRow } from '../organisation/organisation.tables.js';
import { selectFromProtocols } from '../protocols/protocol-joins.repository.js';
import { protocolParagraphs, protocols } from '../protocols/protocols.tables.js';
import { notices, type NoticeRow } from './publication.tables.js';
import { firstRow } from '../../platform/db/first-row.js';

export { findProtocolContext, type ProtocolContext } from '../protocols/protocol-joins.repository.js';

/** The member municipalities of a committee. */
export async function listMembers(db: Db, committeeId: string): Promise<OrganisationRow[]> {
  return db
    .select()
    .from(organisations)
    .where(and(eq(organisations.committeeId, committeeId), eq(organisations.kind, 'municipality')))
    .orderBy(asc(organisations.name));
}

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  return firstRow(db.select().from(organisations).where(eq(organisations.id, id)));
}

export async function findMunicipalityBySlug(db: Db, slug: string): Promise<OrganisationRow | undefined> {
  return firstRow(db.select().from(organisations).where(and(eq(organisations.slug, slug), eq(organisations.kind, 'municipality'))));
}

/** Every municipality that belongs to a committee: one notice board each. */
export async function listBoardOrganisations(db: Db) {
  return db
    .select({ municipality: organisations })
    .from(organisations)
    .where(eq(organisations.kind, 'municipality'))
    .orderBy(asc(organisations.name));
}

/** One protocol's notices with the municipality and the user who recorded the posting. */
export async function listNoticesOfProtocols(db: Db, protocolIds: readonly string[]) {
  if (protocolIds.length === 0) return [];
  return db
    .select({ notice: notices, municipality: { id: organisations.id, name: organisations.name, slug: organisations.slug }, postedBy: users.name })
    .from(notices)
    .innerJoin(organisations, eq(organisations.id, notices.organisationId))
    .leftJoin(users, eq(users.id, notices.postedByUserId))
    .where(inArray(notices.protocolId, [...protocolIds]));
}

export async function findNotice(db: Db, id: string): Promise<NoticeRow | undefined> {
  return firstRow(db.select().from(notices).where(eq(notices.id, id)));
}

/**
 * What a notice announces: the justering of a final protocol, or of one paragraph adjusted at the
 * meeting (omedelbar justering, KL 8:12), which is announced before the rest of the protocol is final.
 */
const announced = or(and(isNull(notices.paragraphId), eq(protocols.status, 'final')), isNotNull(protocolParagraphs.adjustedAt));

/** Notices with their protocol, its meeting and body, and the paragraph a paragraph's notice announces. */
function selectNoticesWithProtocol<S extends SelectedFields>(db: Db, fields: S) {
  return selectFromProtocols(db, fields)
    .innerJoin(notices, eq(notices.protocolId, protocols.id))
    .leftJoin(protocolParagraphs, eq(protocolParagraphs.id, notices.paragraphId));
}

/** The notices on one municipality's board, newest justering first, with what they announce. */
export async function listNoticesOfMunicipality(db: Db, organisationId: string, limit = 200) {
  return selectNoticesWithProtocol(db, { notice: notices, protocol: protocols, paragraph: protocolParagraphs, meeting: meetings, body: bodies, committee: organisations })
    .innerJoin(organisations, eq(organisations.id, bodies.organisationId))
    .where(and(eq(notices.organisationId, organisationId), announced))
    .orderBy(desc(protocols.finalAt), desc(protocolParagraphs.adjustedAt))
    .limit(limit);
}

/** Notices of final protocols of the given committees or municipalities, newest first (the registrar's list). */
export async function listNoticesForOrganisations(db: Db, organisationIds: readonly string[], committeeIds: readonly string[], limit = 300) {
  const scopes: SQL[] = [];
  if (organisationIds.length > 0) scopes.push(inArray(notices.organisationId, [...organisationIds]));
  if (committeeIds.length > 0) scopes.push(inArray(bodies.organisationId, [...committeeIds]));
  if (scopes.length === 0) return [];
  return selectNoticesWithProtocol(db, { notice: notices, protocol: protocols, paragraph: protocolParagraphs, meeting: meetings, body: bodies, municipality: organisations })
    .innerJoin(organisations, eq(organisations.id, notices.organisationId))
    .where(and(announced, or(...scopes)))
    .orderBy(desc(protocols.finalAt), asc(organisations.name))
    .limit(limit);
}
