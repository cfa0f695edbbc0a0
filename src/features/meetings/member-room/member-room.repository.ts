/** SQL of the members' meeting room beyond the meetings repository. */
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { agendaItems, meetings, memberNotes, memberReports, type MemberReportRow } from '../meetings.tables.js';
import { bodies, mandates, organisations, people } from '../../organisation/organisation.tables.js';
import { insertOne } from '../../../platform/db/insert-one.js';

/** The number of agenda items of each meeting. */
export async function itemCountsOf(db: Db, meetingIds: string[]): Promise<Map<string, number>> {
  if (meetingIds.length === 0) return new Map();
  const rows = await db.select({ meetingId: agendaItems.meetingId, n: count() }).from(agendaItems).where(inArray(agendaItems.meetingId, meetingIds)).groupBy(agendaItems.meetingId);
  return new Map(rows.map((r) => [r.meetingId, Number(r.n)]));
}

/** Every mandate of the person, with the municipality's name. */
export async function listMandatesOfPerson(db: Db, personId: string) {
  return db.select({ mandate: mandates, municipalityName: organisations.name }).from(mandates).innerJoin(organisations, eq(organisations.id, mandates.municipalityId)).where(eq(mandates.personId, personId));
}

/** The meetings of the bodies with the body's name, in time order. */
export async function listMeetingsOfBodies(db: Db, bodyIds: string[]) {
  if (bodyIds.length === 0) return [];
  return db.select({ meeting: meetings, bodyName: bodies.name }).from(meetings).innerJoin(bodies, eq(bodies.id, meetings.bodyId)).where(inArray(meetings.bodyId, bodyIds)).orderBy(asc(meetings.startsAt));
}

export async function findPersonName(db: Db, personId: string): Promise<string> {
  const [row] = await db.select({ name: people.name }).from(people).where(eq(people.id, personId));
  return row?.name ?? '';
}

/** The person's reports, of one meeting and of one type when given. */
export async function listReportsOfPerson(db: Db, personId: string, where: { meetingId?: string; type?: MemberReportRow['type'] }): Promise<MemberReportRow[]> {
  const conditions = [eq(memberReports.personId, personId)];
  if (where.meetingId) conditions.push(eq(memberReports.meetingId, where.meetingId));
  if (where.type) conditions.push(eq(memberReports.type, where.type));
  return db.select().from(memberReports).where(and(...conditions));
}

/** Every report of a meeting, oldest first. */
export async function listReportsOfMeeting(db: Db, meetingId: string): Promise<MemberReportRow[]> {
  return db.select().from(memberReports).where(eq(memberReports.meetingId, meetingId)).orderBy(asc(memberReports.createdAt));
}

/** Those of the persons who reported absence from the meeting. */
export async function listAbsentPersonIds(db: Db, meetingId: string, personIds: string[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .select({ personId: memberReports.personId })
    .from(memberReports)
    .where(and(eq(memberReports.meetingId, meetingId), eq(memberReports.type, 'absence'), inArray(memberReports.personId, personIds)));
  return rows.map((r) => r.personId);
}

export async function insertReport(tx: Db, values: Omit<typeof memberReports.$inferInsert, 'id'>): Promise<MemberReportRow> {
  return insertOne(tx.insert(memberReports).values(values).returning());
}

export async function deleteReport(tx: Db, id: string): Promise<void> {
  await tx.delete(memberReports).where(eq(memberReports.id, id));
}

/** The user's own private notes on the items. */
export async function listNotes(db: Db, userId: string, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return db.select().from(memberNotes).where(and(eq(memberNotes.userId, userId), inArray(memberNotes.itemId, itemIds)));
}

/** Saves the user's note on an item; an empty text removes it. */
export async function saveNote(tx: Db, n: { itemId: string; userId: string; text: string; updatedAt: Date }): Promise<void> {
  if (n.text.trim() === '') await tx.delete(memberNotes).where(and(eq(memberNotes.itemId, n.itemId), eq(memberNotes.userId, n.userId)));
  else await tx.insert(memberNotes).values(n).onConflictDoUpdate({ target: [memberNotes.itemId, memberNotes.userId], set: { text: n.text, updatedAt: n.updatedAt } });
}
