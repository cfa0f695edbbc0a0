/** The protocol's own reads and writes; every query takes the transaction it runs in. */
import { and, asc, desc, eq, isNotNull, max, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { attendanceEvents, meetings } from '../meetings/meetings.tables.js';
import { paragraphCounters, protocolExtracts, protocolParagraphs, protocols, protocolSignatures, type ProtocolParagraphRow, type ProtocolRow } from './protocols.tables.js';
import { insertOne } from '../../platform/db/insert-one.js';
import { firstRow } from '../../platform/db/first-row.js';

export async function findProtocol(db: Db, id: string): Promise<ProtocolRow | undefined> {
  return firstRow(db.select().from(protocols).where(eq(protocols.id, id)));
}

export async function findProtocolByMeeting(db: Db, meetingId: string): Promise<ProtocolRow | undefined> {
  return firstRow(db.select().from(protocols).where(eq(protocols.meetingId, meetingId)));
}

/** The protocol row, locked until the transaction ends: edits and locking queue behind each other. */
export async function lockProtocol(tx: Db, id: string): Promise<ProtocolRow | undefined> {
  return firstRow(tx.select().from(protocols).where(eq(protocols.id, id)).for('update'));
}

export async function listParagraphs(db: Db, protocolId: string): Promise<ProtocolParagraphRow[]> {
  return db.select().from(protocolParagraphs).where(eq(protocolParagraphs.protocolId, protocolId)).orderBy(asc(protocolParagraphs.position));
}

/** Whether anyone has signed this paragraph on its own (omedelbar justering). */
export async function hasParagraphSignatures(db: Db, paragraphId: string): Promise<boolean> {
  const [row] = await db.select({ id: protocolSignatures.id }).from(protocolSignatures).where(eq(protocolSignatures.paragraphId, paragraphId)).limit(1);
  return Boolean(row);
}

export async function findParagraph(db: Db, id: string): Promise<ProtocolParagraphRow | undefined> {
  return firstRow(db.select().from(protocolParagraphs).where(eq(protocolParagraphs.id, id)));
}

/**
 * Takes `count` § numbers of a body's series for a year and returns the first. The counter row
 * stays locked until the transaction commits, so concurrent locks queue and a rollback gives the
 * numbers back: no gaps, no repeats (as registry numbering).
 */
export async function takeParagraphNumbers(tx: Db, options: { bodyId: string; year: number; count: number }): Promise<number> {
  const result = (await tx.execute(sql`
    insert into paragraph_counters (body_id, year, last_number)
    values (${options.bodyId}, ${options.year}, ${options.count})
    on conflict (body_id, year) do update set last_number = paragraph_counters.last_number + ${options.count}
    returning last_number`)) as unknown as { rows: { last_number: number | string }[] };
  const last = result.rows[0]?.last_number;
  if (last === undefined) throw new Error('paragraph numbering returned no row');
  return Number(last) - options.count + 1;
}

/** The last § number used in a body's series for a year (0 when none). */
export async function counterValue(db: Db, bodyId: string, year: number): Promise<number> {
  const [row] = await db
    .select({ lastNumber: paragraphCounters.lastNumber })
    .from(paragraphCounters)
    .where(and(eq(paragraphCounters.bodyId, bodyId), eq(paragraphCounters.year, year)));
  return row?.lastNumber ?? 0;
}

/** Sets the counter of a body's year, for numbers given before Kansli (history, the demo). */
export async function setCounter(tx: Db, options: { bodyId: string; year: number; lastNumber: number }): Promise<void> {
  await tx.execute(sql`
    insert into paragraph_counters (body_id, year, last_number)
    values (${options.bodyId}, ${options.year}, ${options.lastNumber})
    on conflict (body_id, year) do update set last_number = excluded.last_number`);
}

/** The highest § number a locked protocol of the body has taken in the year. */
export async function highestUsedNumber(db: Db, bodyId: string, year: number): Promise<number> {
  const [row] = await db
    .select({ n: max(protocolParagraphs.number) })
    .from(protocolParagraphs)
    .innerJoin(protocols, eq(protocols.id, protocolParagraphs.protocolId))
    .innerJoin(meetings, eq(meetings.id, protocols.meetingId))
    .where(and(eq(protocolParagraphs.year, year), isNotNull(protocolParagraphs.number), eq(meetings.bodyId, bodyId)));
  return row?.n ?? 0;
}

/**
 * Whether a person was at the meeting (present, remote or arriving later), and whether the meeting
 * recorded attendance at all (a meeting entered afterwards, without a roll call, has none).
 */
export async function attendanceOf(db: Db, meetingId: string, personId: string): Promise<{ recorded: boolean; attended: boolean }> {
  const rows = await db
    .select({ personId: attendanceEvents.personId, type: attendanceEvents.type })
    .from(attendanceEvents)
    .where(eq(attendanceEvents.meetingId, meetingId));
  return { recorded: rows.length > 0, attended: rows.some((r) => r.personId === personId && (r.type === 'present' || r.type === 'remote' || r.type === 'arrived')) };
}

/**
 * The earliest meeting of the body in the same year, before this one, whose protocol is still a
 * draft: its paragraphs have no § numbers yet, so locking a later one first would break the order.
 */
export async function earlierDraft(db: Db, options: { bodyId: string; before: Date; yearStart: Date }): Promise<{ startsAt: Date } | undefined> {
  const [row] = await db
    .select({ startsAt: meetings.startsAt })
    .from(protocols)
    .innerJoin(meetings, eq(meetings.id, protocols.meetingId))
    .where(and(eq(meetings.bodyId, options.bodyId), eq(protocols.status, 'draft'), sql`${meetings.startsAt} < ${options.before}`, sql`${meetings.startsAt} >= ${options.yearStart}`))
    .orderBy(asc(meetings.startsAt))
    .limit(1);
  return row;
}

export async function insertProtocol(tx: Db, values: typeof protocols.$inferInsert): Promise<{ id: string }> {
  return insertOne(tx.insert(protocols).values(values).returning({ id: protocols.id }));
}

export async function updateProtocol(tx: Db, id: string, values: Partial<typeof protocols.$inferInsert>): Promise<void> {
  await tx.update(protocols).set(values).where(eq(protocols.id, id));
}

export async function insertParagraph(tx: Db, values: typeof protocolParagraphs.$inferInsert): Promise<string | undefined> {
  const [row] = await tx.insert(protocolParagraphs).values(values).returning({ id: protocolParagraphs.id });
  return row?.id;
}

export async function updateParagraph(tx: Db, id: string, values: Partial<typeof protocolParagraphs.$inferInsert>): Promise<void> {
  await tx.update(protocolParagraphs).set(values).where(eq(protocolParagraphs.id, id));
}

/** The newest extract of a paragraph, if one has been made. */
export async function findLatestExtract(db: Db, paragraphId: string) {
  return firstRow(db.select().from(protocolExtracts).where(eq(protocolExtracts.paragraphId, paragraphId)).orderBy(desc(protocolExtracts.createdAt)).limit(1));
}
