import { and, asc, desc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { initiativePhases, initiatives } from '../cooperation/cooperation.tables.js';
import { costObjects, outcomeComments, outcomeEntries, outcomeImports, pkvReadings, type CostObjectRow, type OutcomeImportRow } from './economy.tables.js';
import { organisations, populations, type OrganisationRow } from '../organisation/organisation.tables.js';
import { readAllocationKey } from './economy.schema.js';
import { insertOne } from '../../platform/db/insert-one.js';
import type { CostObjectData, MunicipalityData, OutcomeEntryData } from './reports.js';
import { firstRow } from '../../platform/db/first-row.js';

export function toCostObjectData(row: CostObjectRow): CostObjectData {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    invoicing: row.invoicing,
    allocationKey: readAllocationKey(row.allocationKey),
    budgetIncome: row.budgetIncome,
    budgetCost: row.budgetCost,
    forecastIncome: row.forecastIncome,
    forecastCost: row.forecastCost,
    carriedOver: row.carriedOver,
    position: row.position,
    initiativeId: row.initiativeId,
    origin: row.origin,
  };
}

export async function listCommittees(db: Db): Promise<OrganisationRow[]> {
  return db.select().from(organisations).where(eq(organisations.kind, 'committee')).orderBy(asc(organisations.name));
}

export async function findCommitteeBySlug(db: Db, slug: string): Promise<OrganisationRow | undefined> {
  return firstRow(db.select().from(organisations).where(and(eq(organisations.slug, slug), eq(organisations.kind, 'committee'))));
}

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  return firstRow(db.select().from(organisations).where(eq(organisations.id, id)));
}

/** The committee's member municipalities with their populations per year. */
export async function listMunicipalities(db: Db, committeeId: string): Promise<MunicipalityData[]> {
  const members = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.committeeId, committeeId), eq(organisations.kind, 'municipality')));
  if (members.length === 0) return [];
  const rows = await db.select().from(populations).where(inArray(populations.organisationId, members.map((m) => m.id)));
  return members.map((m) => ({
    id: m.id,
    name: m.name,
    populations: Object.fromEntries(rows.filter((r) => r.organisationId === m.id).map((r) => [r.year, r.population])),
  }));
}

export async function listCostObjects(db: Db, committeeId: string, year: number): Promise<CostObjectRow[]> {
  return db
    .select()
    .from(costObjects)
    .where(and(eq(costObjects.committeeId, committeeId), eq(costObjects.year, year)))
    .orderBy(asc(costObjects.position), asc(costObjects.code));
}

export async function findCostObject(db: Db, id: string): Promise<CostObjectRow | undefined> {
  return firstRow(db.select().from(costObjects).where(eq(costObjects.id, id)));
}

export async function findCostObjectByCode(db: Db, committeeId: string, year: number, code: string): Promise<CostObjectRow | undefined> {
  const [row] = await db
    .select()
    .from(costObjects)
    .where(and(eq(costObjects.committeeId, committeeId), eq(costObjects.year, year), eq(costObjects.code, code)));
  return row;
}

/** Years that have cost objects or outcome, newest first. */
export async function listYears(db: Db, committeeId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: costObjects.year })
    .from(costObjects)
    .where(eq(costObjects.committeeId, committeeId));
  const imported = await db.selectDistinct({ year: outcomeImports.year }).from(outcomeImports).where(eq(outcomeImports.committeeId, committeeId));
  return [...new Set([...rows, ...imported].map((r) => r.year))].sort((a, b) => b - a);
}

/** Is anything booked on or commented for this cost object? Then it may not be deleted. */
export async function isCostObjectInUse(db: Db, id: string): Promise<boolean> {
  const [entry] = await db.select({ id: outcomeEntries.id }).from(outcomeEntries).where(eq(outcomeEntries.costObjectId, id)).limit(1);
  const [comment] = await db.select({ id: outcomeComments.costObjectId }).from(outcomeComments).where(eq(outcomeComments.costObjectId, id)).limit(1);
  return Boolean(entry ?? comment);
}

/**
 * The snapshot the report for `date` uses: the year's latest import with `period_to` on or
 * before the date (by period, then by when it was made). Each import is a complete snapshot.
 */
export async function findSnapshot(db: Db, committeeId: string, year: number, date: string): Promise<OutcomeImportRow | undefined> {
  const [row] = await db
    .select()
    .from(outcomeImports)
    .where(and(eq(outcomeImports.committeeId, committeeId), eq(outcomeImports.year, year), lte(outcomeImports.periodTo, date)))
    .orderBy(desc(outcomeImports.periodTo), desc(outcomeImports.createdAt))
    .limit(1);
  return row;
}

export async function listImports(db: Db, committeeId: string, year: number): Promise<OutcomeImportRow[]> {
  return db
    .select()
    .from(outcomeImports)
    .where(and(eq(outcomeImports.committeeId, committeeId), eq(outcomeImports.year, year)))
    .orderBy(desc(outcomeImports.periodTo), desc(outcomeImports.createdAt));
}

export async function listEntries(db: Db, importId: string): Promise<OutcomeEntryData[]> {
  return db
    .select({ costObjectId: outcomeEntries.costObjectId, kind: outcomeEntries.kind, amountOre: outcomeEntries.amountOre })
    .from(outcomeEntries)
    .where(eq(outcomeEntries.importId, importId));
}

export async function commentsFor(db: Db, costObjectIds: string[], periodTo: string): Promise<Map<string, string>> {
  if (costObjectIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(outcomeComments)
    .where(and(inArray(outcomeComments.costObjectId, costObjectIds), eq(outcomeComments.periodTo, periodTo)));
  return new Map(rows.map((r) => [r.costObjectId, r.comment]));
}

export async function findComment(db: Db, costObjectId: string, periodTo: string): Promise<string | undefined> {
  const [row] = await db
    .select()
    .from(outcomeComments)
    .where(and(eq(outcomeComments.costObjectId, costObjectId), eq(outcomeComments.periodTo, periodTo)));
  return row?.comment;
}

export async function saveComment(db: Db, costObjectId: string, periodTo: string, comment: string): Promise<void> {
  if (comment === '') {
    await db.delete(outcomeComments).where(and(eq(outcomeComments.costObjectId, costObjectId), eq(outcomeComments.periodTo, periodTo)));
    return;
  }
  await db
    .insert(outcomeComments)
    .values({ costObjectId, periodTo, comment })
    .onConflictDoUpdate({ target: [outcomeComments.costObjectId, outcomeComments.periodTo], set: { comment, updatedAt: sql`now()` } });
}

export async function findPkvReading(db: Db, committeeId: string, year: number) {
  return firstRow(db.select().from(pkvReadings).where(and(eq(pkvReadings.committeeId, committeeId), eq(pkvReadings.year, year))));
}

export async function savePkvReading(db: Db, values: typeof pkvReadings.$inferInsert): Promise<void> {
  await db
    .insert(pkvReadings)
    .values(values)
    .onConflictDoUpdate({ target: [pkvReadings.committeeId, pkvReadings.year], set: { readOn: values.readOn, pkvPercent: values.pkvPercent, source: values.source ?? '', origin: values.origin ?? null } });
}

export async function listInitiatives(db: Db, committeeId: string): Promise<{ id: string; name: string }[]> {
  return db.select({ id: initiatives.id, name: initiatives.name }).from(initiatives).where(eq(initiatives.committeeId, committeeId)).orderBy(asc(initiatives.name));
}

/** The participants of each initiative's latest closed phase (samverkansavtal 8.3). */
export async function initiativeParticipants(db: Db, initiativeIds: string[]): Promise<Map<string, string[]>> {
  if (initiativeIds.length === 0) return new Map();
  const rows = await db
    .select({ initiativeId: initiativePhases.initiativeId, participants: initiativePhases.participants, closedAt: initiativePhases.closedAt })
    .from(initiativePhases)
    .where(and(inArray(initiativePhases.initiativeId, initiativeIds), isNotNull(initiativePhases.closedAt)))
    .orderBy(desc(initiativePhases.closedAt));
  const out = new Map<string, string[]>();
  for (const r of rows) if (!out.has(r.initiativeId) && r.participants) out.set(r.initiativeId, r.participants);
  return out;
}

export async function insertCostObject(tx: Db, values: typeof costObjects.$inferInsert): Promise<CostObjectRow> {
  return insertOne(tx.insert(costObjects).values(values).returning());
}

export async function updateCostObject(tx: Db, id: string, values: Partial<typeof costObjects.$inferInsert>): Promise<CostObjectRow | undefined> {
  const [row] = await tx.update(costObjects).set(values).where(eq(costObjects.id, id)).returning();
  return row;
}

export async function deleteCostObject(tx: Db, id: string): Promise<void> {
  await tx.delete(costObjects).where(eq(costObjects.id, id));
}
