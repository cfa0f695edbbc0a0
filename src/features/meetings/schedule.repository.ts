import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { annualCycleItems, bodies, cases, meetings } from '../../platform/db/schema.js';
import type { BodyRow, MeetingRow } from './meetings.repository.js';

export type CycleItemRow = typeof annualCycleItems.$inferSelect;

export async function listBodies(db: Db): Promise<BodyRow[]> {
  return db.select().from(bodies).orderBy(asc(bodies.name));
}

/** The meeting, locked until the transaction ends, so that a change sees its latest state. */
export async function lockMeeting(tx: Db, id: string): Promise<MeetingRow | undefined> {
  const [row] = await tx.select().from(meetings).where(eq(meetings.id, id)).for('update');
  return row;
}

/** Case numbers' parts for the agenda's items, by case id. */
export async function listCases(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: cases.id, year: cases.year, number: cases.number, classificationCode: cases.classificationCode }).from(cases).where(inArray(cases.id, ids));
}

const collator = new Intl.Collator('sv');

/** By month, then title in Swedish order (the same on PGlite and PostgreSQL, whatever their collation). */
export async function listCycleItems(db: Db, bodyId: string): Promise<CycleItemRow[]> {
  const rows = await db.select().from(annualCycleItems).where(eq(annualCycleItems.bodyId, bodyId));
  return rows.sort((a, b) => a.month - b.month || collator.compare(a.title, b.title));
}

export async function findCycleItem(db: Db, id: string): Promise<CycleItemRow | undefined> {
  const [row] = await db.select().from(annualCycleItems).where(eq(annualCycleItems.id, id));
  return row;
}
