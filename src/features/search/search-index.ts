import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { searchEntries } from './search.tables.js';

export type SearchEntry = Omit<typeof searchEntries.$inferInsert, 'tsv'>;

/**
 * Keep one searchable thing in the index. Call in the transaction that changes the thing, so
 * that the index never shows what was rolled back and never misses what was saved.
 */
export async function upsertSearchEntry(tx: Db, entry: SearchEntry): Promise<void> {
  const { kind: _kind, refId: _refId, ...rest } = entry;
  await tx
    .insert(searchEntries)
    .values(entry)
    .onConflictDoUpdate({ target: [searchEntries.kind, searchEntries.refId], set: rest });
}

export async function removeSearchEntry(tx: Db, kind: SearchEntry['kind'], refId: string): Promise<void> {
  await tx.delete(searchEntries).where(and(eq(searchEntries.kind, kind), eq(searchEntries.refId, refId)));
}
