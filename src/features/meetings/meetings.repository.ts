import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { agendaItemDocuments, agendaItems, meetings } from './meetings.tables.js';
import { bodies, mandates, people } from '../organisation/organisation.tables.js';

/** Lookups every meeting feature needs; each feature keeps its own writes in its own service. */
export type MeetingRow = typeof meetings.$inferSelect;
export type AgendaItemRow = typeof agendaItems.$inferSelect;
export type BodyRow = typeof bodies.$inferSelect;

export async function findMeeting(db: Db, id: string): Promise<MeetingRow | undefined> {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
  return row;
}

export async function listMeetings(db: Db, filter: { bodyId?: string } = {}): Promise<MeetingRow[]> {
  const q = db.select().from(meetings);
  return (filter.bodyId ? q.where(eq(meetings.bodyId, filter.bodyId)) : q).orderBy(asc(meetings.startsAt));
}

export async function findBody(db: Db, id: string): Promise<BodyRow | undefined> {
  const [row] = await db.select().from(bodies).where(eq(bodies.id, id));
  return row;
}

export async function listItems(db: Db, meetingId: string): Promise<AgendaItemRow[]> {
  return db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position));
}

export async function findItem(db: Db, id: string): Promise<AgendaItemRow | undefined> {
  const [row] = await db.select().from(agendaItems).where(eq(agendaItems.id, id));
  return row;
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
