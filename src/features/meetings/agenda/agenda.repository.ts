/** SQL of the agenda (föredragningslista) beyond the meetings repository's lookups. */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { insertOne } from '../../../platform/db/insert-one.js';
import { documents } from '../../registry/registry.tables.js';
import { agendaItemDocuments, agendaItems, meetings, type AgendaItemRow } from '../meetings.tables.js';

/** Those of the documents that are in the organisation's registry. */
export async function listOwnDocumentIds(db: Db, organisationId: string, ids: string[]): Promise<{ id: string }[]> {
  return ids.length ? db.select({ id: documents.id }).from(documents).where(and(inArray(documents.id, ids), eq(documents.organisationId, organisationId))) : [];
}

export async function insertItem(tx: Db, values: Omit<typeof agendaItems.$inferInsert, 'id'>): Promise<AgendaItemRow> {
  return insertOne(tx.insert(agendaItems).values(values).returning());
}

export async function updateItem(tx: Db, id: string, change: Partial<typeof agendaItems.$inferInsert>): Promise<void> {
  await tx.update(agendaItems).set(change).where(eq(agendaItems.id, id));
}

export async function deleteItem(tx: Db, id: string): Promise<void> {
  await tx.delete(agendaItems).where(eq(agendaItems.id, id));
}

/** Positions 1..n in the given order; negative positions first so that the unique index never sees a clash. */
export async function renumberItems(tx: Db, meetingId: string, ids: string[], now: Date): Promise<void> {
  await tx.update(agendaItems).set({ position: sql`-${agendaItems.position}` }).where(eq(agendaItems.meetingId, meetingId));
  for (const [index, id] of ids.entries()) await tx.update(agendaItems).set({ position: index + 1, updatedAt: now }).where(eq(agendaItems.id, id));
}

/** The item's basis (beslutsunderlag): the documents in the given order, replacing those before. */
export async function replaceItemDocuments(tx: Db, itemId: string, documentIds: string[]): Promise<void> {
  await tx.delete(agendaItemDocuments).where(eq(agendaItemDocuments.itemId, itemId));
  if (documentIds.length) await tx.insert(agendaItemDocuments).values(documentIds.map((documentId, position) => ({ itemId, documentId, position })));
}

/** Marks the notice as sent unless it already was: false when another sending came first. */
export async function claimNoticeSending(db: Db, meetingId: string, s: { sentAt: Date; lateReason: string | null }): Promise<boolean> {
  const claimed = await db
    .update(meetings)
    .set({ noticeSentAt: s.sentAt, noticeLateReason: s.lateReason, updatedAt: s.sentAt })
    .where(and(eq(meetings.id, meetingId), isNull(meetings.noticeSentAt)))
    .returning({ id: meetings.id });
  return claimed.length > 0;
}
