import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { agendaItemDocuments, agendaItems, meetings, type AgendaItemRow, type MeetingRow } from './meetings.tables.js';
import { bodies, mandates, organisations, people, type BodyRow } from '../organisation/organisation.tables.js';
import { users } from '../auth/auth.tables.js';
import { cases, documents } from '../registry/registry.tables.js';
import { firstRow } from '../../platform/db/first-row.js';

// Lookups every meeting feature needs; each feature keeps its own writes in its own service.

export async function findMeeting(db: Db, id: string): Promise<MeetingRow | undefined> {
  return firstRow(db.select().from(meetings).where(eq(meetings.id, id)));
}

export async function listMeetings(db: Db, filter: { bodyId?: string } = {}): Promise<MeetingRow[]> {
  const q = db.select().from(meetings);
  return (filter.bodyId ? q.where(eq(meetings.bodyId, filter.bodyId)) : q).orderBy(asc(meetings.startsAt));
}

/** The meeting, locked until the transaction ends, so that a change sees its latest state. */
export async function lockMeeting(tx: Db, id: string): Promise<MeetingRow | undefined> {
  return firstRow(tx.select().from(meetings).where(eq(meetings.id, id)).for('update'));
}

export async function findBody(db: Db, id: string): Promise<BodyRow | undefined> {
  return firstRow(db.select().from(bodies).where(eq(bodies.id, id)));
}

export async function listItems(db: Db, meetingId: string): Promise<AgendaItemRow[]> {
  return db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position));
}

export async function findItem(db: Db, id: string): Promise<AgendaItemRow | undefined> {
  return firstRow(db.select().from(agendaItems).where(eq(agendaItems.id, id)));
}

export async function listItemDocumentIds(db: Db, itemIds: string[]): Promise<{ itemId: string; documentId: string; position: number }[]> {
  if (itemIds.length === 0) return [];
  return db.select().from(agendaItemDocuments).where(inArray(agendaItemDocuments.itemId, itemIds)).orderBy(asc(agendaItemDocuments.position));
}

/** The mandates of a body in force on a date, with the person: who is called to its meetings. */
export async function listMandatesOn(db: Db, bodyId: string, date: string) {
  const rows = await db
    .select({ mandate: mandates, person: people })
    .from(mandates)
    .innerJoin(people, eq(people.id, mandates.personId))
    .where(and(eq(mandates.bodyId, bodyId)));
  return rows.filter((r) => r.mandate.termFrom <= date && (r.mandate.termTo === null || r.mandate.termTo >= date));
}

/** The names of the given organisations, by id. */
export async function municipalityNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The person a user account is linked to, if any: a member finds their meetings through it. */
export async function findPersonIdOfUser(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ personId: users.personId }).from(users).where(eq(users.id, userId));
  return row?.personId ?? null;
}

/** Registry documents by id (the decision basis of agenda items). */
export async function listDocumentsByIds(db: Db, ids: string[]) {
  return ids.length ? db.select().from(documents).where(inArray(documents.id, [...new Set(ids)])) : [];
}

/** Registry cases by id (the cases of agenda items). */
export async function listCasesByIds(db: Db, ids: string[]) {
  return ids.length ? db.select().from(cases).where(inArray(cases.id, ids)) : [];
}
