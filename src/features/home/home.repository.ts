/** SQL of the accessibility statement's feedback. */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { accessibilityFeedback, type AccessibilityFeedbackRow } from './home.tables.js';
import { firstRow } from '../../platform/db/first-row.js';

export async function insertFeedback(tx: Db, values: typeof accessibilityFeedback.$inferInsert): Promise<string | null> {
  const [row] = await tx.insert(accessibilityFeedback).values(values).returning({ id: accessibilityFeedback.id });
  return row?.id ?? null;
}

/** The newest 500 messages first. */
export async function listFeedback(db: Db): Promise<AccessibilityFeedbackRow[]> {
  return db.select().from(accessibilityFeedback).orderBy(desc(accessibilityFeedback.createdAt)).limit(500);
}

export async function findFeedbackForUpdate(tx: Db, id: string): Promise<AccessibilityFeedbackRow | undefined> {
  return firstRow(tx.select().from(accessibilityFeedback).where(eq(accessibilityFeedback.id, id)).for('update'));
}

export async function setFeedbackHandled(tx: Db, id: string, handledAt: Date): Promise<void> {
  await tx.update(accessibilityFeedback).set({ handledAt }).where(eq(accessibilityFeedback.id, id));
}
