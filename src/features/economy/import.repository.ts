/** SQL of the outcome import: stored files, remembered mappings, cost objects of a year, imports. */
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { users } from '../auth/auth.tables.js';
import { accountMappings, accountRangeMappings, costObjects, outcomeEntries, outcomeImports, type AccountMappingRow, type OutcomeImportRow } from './economy.tables.js';
import { organisations } from '../organisation/organisation.tables.js';
import { firstRow } from '../../platform/db/first-row.js';

/** The committees, so that a page can find the one the user works in. */
export async function listCommittees(db: Db) {
  return db.select({ id: organisations.id, name: organisations.name, slug: organisations.slug }).from(organisations).where(eq(organisations.kind, 'committee')).orderBy(asc(organisations.name));
}

export async function findCommittee(db: Db, slug: string) {
  return firstRow(db.select({ id: organisations.id, name: organisations.name, slug: organisations.slug }).from(organisations)
    .where(and(eq(organisations.kind, 'committee'), eq(organisations.slug, slug))));
}

export async function listMappings(db: Db, committeeId: string): Promise<AccountMappingRow[]> {
  return db.select().from(accountMappings).where(eq(accountMappings.committeeId, committeeId));
}

/** Remembers a mapping, replacing the one for the same account and cost centre. */
export async function upsertMapping(tx: Db, row: { committeeId: string; account: string; costCentre: string; costObjectCode: string; kind: 'income' | 'cost' | 'ignore' }) {
  await tx.insert(accountMappings).values(row).onConflictDoUpdate({
    target: [accountMappings.committeeId, accountMappings.account, accountMappings.costCentre],
    set: { costObjectCode: row.costObjectCode, kind: row.kind },
  });
}

/** The mappings remembered for ranges of accounts. */
export async function listRangeMappings(db: Db, committeeId: string) {
  return db.select().from(accountRangeMappings).where(eq(accountRangeMappings.committeeId, committeeId));
}

/** Remembers a range's mapping, replacing the one for the same range and cost centre. */
export async function upsertRangeMapping(tx: Db, row: { committeeId: string; accountFrom: string; accountTo: string; costCentre: string; costObjectCode: string; ignore: boolean }) {
  await tx.insert(accountRangeMappings).values(row).onConflictDoUpdate({
    target: [accountRangeMappings.committeeId, accountRangeMappings.accountFrom, accountRangeMappings.accountTo, accountRangeMappings.costCentre],
    set: { costObjectCode: row.costObjectCode, ignore: row.ignore },
  });
}

export async function listCostObjectsOfYear(db: Db, committeeId: string, year: number) {
  return db.select({ id: costObjects.id, code: costObjects.code, name: costObjects.name, kind: costObjects.kind, position: costObjects.position }).from(costObjects)
    .where(and(eq(costObjects.committeeId, committeeId), eq(costObjects.year, year)));
}

export async function insertImport(tx: Db, row: typeof outcomeImports.$inferInsert): Promise<OutcomeImportRow> {
  const [created] = await tx.insert(outcomeImports).values(row).returning();
  if (!created) throw new Error('the import row was not written');
  return created;
}

export async function insertEntries(tx: Db, rows: (typeof outcomeEntries.$inferInsert)[]): Promise<void> {
  // In batches: one statement has at most 65 535 parameters.
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(outcomeEntries).values(rows.slice(i, i + 1000));
}

/** The committee's imports, newest first, with who imported and how many entries. */
export async function listImports(db: Db, committeeId: string) {
  return db
    .select({
      id: outcomeImports.id, year: outcomeImports.year, format: outcomeImports.format, fileName: outcomeImports.fileName,
      encoding: outcomeImports.encoding, periodTo: outcomeImports.periodTo, summary: outcomeImports.summary, createdAt: outcomeImports.createdAt,
      importedBy: users.name,
      entries: sql<number>`(select count(*) from ${outcomeEntries} where ${outcomeEntries.importId} = ${outcomeImports.id})`.mapWith(Number),
    })
    .from(outcomeImports)
    .leftJoin(users, eq(users.id, outcomeImports.importedByUserId))
    .where(eq(outcomeImports.committeeId, committeeId))
    .orderBy(desc(outcomeImports.createdAt));
}

export async function findImport(db: Db, id: string) {
  return firstRow(db.select({ row: outcomeImports, importedBy: users.name }).from(outcomeImports)
    .leftJoin(users, eq(users.id, outcomeImports.importedByUserId)).where(eq(outcomeImports.id, id)));
}

/** An import's entries summed per cost object and kind. */
export async function sumEntriesByCostObject(db: Db, importId: string) {
  return db
    .select({ code: costObjects.code, name: costObjects.name, position: costObjects.position, kind: outcomeEntries.kind, amountOre: sql<string>`sum(${outcomeEntries.amountOre})`, rows: count() })
    .from(outcomeEntries)
    .innerJoin(costObjects, eq(costObjects.id, outcomeEntries.costObjectId))
    .where(eq(outcomeEntries.importId, importId))
    .groupBy(costObjects.code, costObjects.name, costObjects.position, outcomeEntries.kind);
}

/** Removes a mistaken import and its entries (the audit log keeps what it held). */
export async function deleteImport(tx: Db, id: string): Promise<void> {
  await tx.delete(outcomeEntries).where(eq(outcomeEntries.importId, id));
  await tx.delete(outcomeImports).where(eq(outcomeImports.id, id));
}
