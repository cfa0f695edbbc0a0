/**
 * The join chains every feature reads a protocol's owner through: protocol → meeting → body (whose
 * organisation is the committee) and, where asked, → the committee itself. Each returns the query
 * with its SELECT, FROM and inner joins; the caller adds WHERE, ORDER BY and any further joins.
 */
import { eq } from 'drizzle-orm';
import type { PgSelectBase, SelectedFields } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/database.js';
import { meetings } from '../meetings/meetings.tables.js';
import { bodies, organisations } from '../organisation/organisation.tables.js';
import { protocolParagraphs, protocols } from './protocols.tables.js';

/**
 * The query `db.select(fields).from(<from>)` inner-joined with `<joined>` gives, as Drizzle types it
 * for a known selection. Drizzle cannot follow a join chain over a generic selection, so each
 * helper builds its chain on the wide `SelectedFields` and states this type instead.
 */
type InnerJoined<TFrom extends string, S extends SelectedFields, TJoined extends string> = PgSelectBase<TFrom, S, 'partial', Record<TFrom | TJoined, 'not-null'>>;

/** Protocols with their meeting and body (`bodies.organisationId` is the committee). */
export function selectFromProtocols<S extends SelectedFields>(db: Db, fields: S) {
  const query = db
    .select(fields as SelectedFields)
    .from(protocols)
    .innerJoin(meetings, eq(meetings.id, protocols.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId));
  return query as unknown as InnerJoined<'protocols', S, 'meetings' | 'bodies'>;
}

/** Protocols with their meeting, body and the committee (`organisations`) that owns the body. */
export function selectFromProtocolsWithCommittee<S extends SelectedFields>(db: Db, fields: S) {
  return selectFromProtocols(db, fields).innerJoin(organisations, eq(organisations.id, bodies.organisationId));
}

/** Protocol paragraphs with their protocol, meeting and body. */
export function selectFromParagraphs<S extends SelectedFields>(db: Db, fields: S) {
  const query = db
    .select(fields as SelectedFields)
    .from(protocolParagraphs)
    .innerJoin(protocols, eq(protocols.id, protocolParagraphs.protocolId))
    .innerJoin(meetings, eq(meetings.id, protocols.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId));
  return query as unknown as InnerJoined<'protocol_paragraphs', S, 'protocols' | 'meetings' | 'bodies'>;
}

/** A protocol with its meeting, body and committee. */
export async function findProtocolContext(db: Db, protocolId: string) {
  const [row] = await selectFromProtocolsWithCommittee(db, { protocol: protocols, meeting: meetings, body: bodies, committee: organisations }).where(eq(protocols.id, protocolId));
  return row;
}
export type ProtocolContext = NonNullable<Awaited<ReturnType<typeof findProtocolContext>>>;
