/** SQL of the e-archive's own rows: deliveries out, packages read back in, and the retention plan. */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { insertOne } from '../../platform/db/insert-one.js';
import { classificationCodes } from '../registry/registry.tables.js';
import { archiveDeliveries, archiveDeliveryItems, archivedObjects, archivedPackages, retentionRules, type ArchiveDeliveryRow, type RetentionRuleRow } from './archive.tables.js';
import { firstRow } from '../../platform/db/first-row.js';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export async function findDelivery(db: Db, id: string): Promise<ArchiveDeliveryRow | undefined> {
  return firstRow(db.select().from(archiveDeliveries).where(eq(archiveDeliveries.id, id)));
}

export async function listDeliveries(db: Db, committeeId: string): Promise<ArchiveDeliveryRow[]> {
  return db.select().from(archiveDeliveries).where(eq(archiveDeliveries.committeeId, committeeId)).orderBy(desc(archiveDeliveries.createdAt));
}

export async function insertDelivery(db: Db, values: Insert<typeof archiveDeliveries>): Promise<ArchiveDeliveryRow> {
  return insertOne(db.insert(archiveDeliveries).values(values).returning());
}

export async function updateDelivery(db: Db, id: string, values: Partial<Insert<typeof archiveDeliveries>>): Promise<void> {
  await db.update(archiveDeliveries).set(values).where(eq(archiveDeliveries.id, id));
}

export async function insertDeliveryItems(tx: Db, items: Insert<typeof archiveDeliveryItems>[]): Promise<void> {
  if (items.length) await tx.insert(archiveDeliveryItems).values(items);
}

export async function listDeliveryItems(db: Db, deliveryId: string) {
  return db.select().from(archiveDeliveryItems).where(eq(archiveDeliveryItems.deliveryId, deliveryId));
}

export async function findPackageByPackageId(db: Db, packageId: string): Promise<{ id: string } | undefined> {
  return firstRow(db.select({ id: archivedPackages.id }).from(archivedPackages).where(eq(archivedPackages.packageId, packageId)));
}

export async function insertPackage(tx: Db, values: Insert<typeof archivedPackages>) {
  return insertOne(tx.insert(archivedPackages).values(values).returning());
}

export async function insertArchivedObject(tx: Db, values: Insert<typeof archivedObjects>): Promise<void> {
  await tx.insert(archivedObjects).values(values);
}

export async function listPackages(db: Db, committeeId: string) {
  return db.select().from(archivedPackages).where(eq(archivedPackages.committeeId, committeeId)).orderBy(desc(archivedPackages.importedAt));
}

export async function findPackage(db: Db, id: string) {
  return firstRow(db.select().from(archivedPackages).where(eq(archivedPackages.id, id)));
}

export async function listArchivedObjects(db: Db, packageId: string) {
  return db.select().from(archivedObjects).where(eq(archivedObjects.packageId, packageId)).orderBy(asc(archivedObjects.path));
}

/** An archived object with the committee of its package. */
export async function findArchivedObject(db: Db, id: string) {
  const [row] = await db
    .select({ object: archivedObjects, committeeId: archivedPackages.committeeId })
    .from(archivedObjects)
    .innerJoin(archivedPackages, eq(archivedPackages.id, archivedObjects.packageId))
    .where(eq(archivedObjects.id, id));
  return row;
}

export async function findRule(db: Db, id: string): Promise<RetentionRuleRow | undefined> {
  return firstRow(db.select().from(retentionRules).where(eq(retentionRules.id, id)));
}

export async function findRuleIdForCode(db: Db, committeeId: string, code: string): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: retentionRules.id })
    .from(retentionRules)
    .where(and(eq(retentionRules.committeeId, committeeId), eq(retentionRules.classificationCode, code)));
  return row;
}

export async function listRules(db: Db, committeeId: string): Promise<RetentionRuleRow[]> {
  return db.select().from(retentionRules).where(eq(retentionRules.committeeId, committeeId)).orderBy(asc(retentionRules.classificationCode));
}

export async function insertRule(tx: Db, values: Insert<typeof retentionRules>): Promise<RetentionRuleRow> {
  return insertOne(tx.insert(retentionRules).values(values).returning());
}

/** One rule per classification code: added, or the code's rule replaced. */
export async function upsertRule(tx: Db, values: Insert<typeof retentionRules>, now: Date): Promise<void> {
  await tx
    .insert(retentionRules)
    .values(values)
    .onConflictDoUpdate({
      target: [retentionRules.committeeId, retentionRules.classificationCode],
      set: { action: values.action, retentionYears: values.retentionYears, format: values.format, note: values.note, updatedAt: now },
    });
}

export async function updateRule(tx: Db, id: string, values: Partial<Insert<typeof retentionRules>>): Promise<RetentionRuleRow | undefined> {
  const [row] = await tx.update(retentionRules).set(values).where(eq(retentionRules.id, id)).returning();
  return row;
}

/** The committee's classification scheme: codes and titles. */
export async function listSchemeCodes(db: Db, committeeId: string): Promise<{ code: string; title: string }[]> {
  return db.select({ code: classificationCodes.code, title: classificationCodes.title }).from(classificationCodes).where(eq(classificationCodes.organisationId, committeeId));
}
