import { and, asc, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import { insertOne } from '../../platform/db/insert-one.js';
import type { Db } from '../../platform/db/database.js';
import { bodies, mandates, organisations, people, populations, type BodyRow, type MandateRow, type OrganisationRow, type PersonRow, type PopulationRow } from './organisation.tables.js';
import { firstRow } from '../../platform/db/first-row.js';

export async function listOrganisations(db: Db): Promise<OrganisationRow[]> {
  return db.select().from(organisations).orderBy(asc(organisations.name));
}

export async function findOrganisationBySlug(db: Db, slug: string): Promise<OrganisationRow | undefined> {
  return firstRow(db.select().from(organisations).where(eq(organisations.slug, slug)));
}

export async function findOrganisationById(db: Db, id: string): Promise<OrganisationRow | undefined> {
  return firstRow(db.select().from(organisations).where(eq(organisations.id, id)));
}

export async function listOrganisationsByIds(db: Db, ids: string[]): Promise<OrganisationRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(organisations).where(inArray(organisations.id, ids));
}

export async function listPopulations(db: Db, organisationIds?: string[]): Promise<PopulationRow[]> {
  const q = db.select().from(populations);
  if (organisationIds) {
    if (organisationIds.length === 0) return [];
    return q.where(inArray(populations.organisationId, organisationIds)).orderBy(asc(populations.year));
  }
  return q.orderBy(asc(populations.year));
}

export async function listBodies(db: Db, organisationId?: string): Promise<BodyRow[]> {
  const q = db.select().from(bodies);
  return organisationId ? q.where(eq(bodies.organisationId, organisationId)).orderBy(asc(bodies.name)) : q.orderBy(asc(bodies.name));
}

export async function findBody(db: Db, id: string): Promise<BodyRow | undefined> {
  return firstRow(db.select().from(bodies).where(eq(bodies.id, id)));
}

export async function listPeople(db: Db): Promise<PersonRow[]> {
  return db.select().from(people).orderBy(asc(people.name));
}

export async function findPerson(db: Db, id: string): Promise<PersonRow | undefined> {
  return firstRow(db.select().from(people).where(eq(people.id, id)));
}

export async function listMandates(db: Db, filter: { bodyId?: string; personId?: string; municipalityId?: string } = {}): Promise<MandateRow[]> {
  const q = db.select().from(mandates);
  if (filter.bodyId) return q.where(eq(mandates.bodyId, filter.bodyId));
  if (filter.personId) return q.where(eq(mandates.personId, filter.personId));
  if (filter.municipalityId) return q.where(eq(mandates.municipalityId, filter.municipalityId));
  return q;
}

export async function findMandate(db: Db, id: string): Promise<MandateRow | undefined> {
  return firstRow(db.select().from(mandates).where(eq(mandates.id, id)));
}

/** An organisation as a reference: what the scope helpers need. */
export interface OrganisationRef {
  id: string;
  kind: 'committee' | 'municipality';
  committeeId: string | null;
}

export async function findOrganisationRef(db: Db, organisationId: string): Promise<OrganisationRef | undefined> {
  const [row] = await db
    .select({ id: organisations.id, kind: organisations.kind, committeeId: organisations.committeeId })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row;
}

/** Every organisation as a reference, for the list helpers of scope.ts. */
export function listOrganisationRefs(db: Db): Promise<OrganisationRef[]> {
  return db.select({ id: organisations.id, kind: organisations.kind, committeeId: organisations.committeeId }).from(organisations);
}

/** The committee and its member municipalities. */
export async function listCooperationOrganisationIds(db: Db, committeeId: string): Promise<string[]> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(or(eq(organisations.id, committeeId), eq(organisations.committeeId, committeeId)));
  return rows.map((r) => r.id);
}

/** The first committee created, or null before there is one. */
export async function findFirstCommitteeId(db: Db): Promise<string | null> {
  const [first] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'committee')).orderBy(asc(organisations.createdAt)).limit(1);
  return first?.id ?? null;
}

export async function insertOrganisation(tx: Db, values: typeof organisations.$inferInsert): Promise<string | undefined> {
  const [row] = await tx.insert(organisations).values(values).returning({ id: organisations.id });
  return row?.id;
}

export async function updateOrganisation(tx: Db, id: string, values: Partial<typeof organisations.$inferInsert>): Promise<void> {
  await tx.update(organisations).set(values).where(eq(organisations.id, id));
}

export async function findPopulation(db: Db, organisationId: string, year: number): Promise<PopulationRow | undefined> {
  return firstRow(db.select().from(populations).where(and(eq(populations.organisationId, organisationId), eq(populations.year, year))));
}

export async function insertPopulation(tx: Db, values: typeof populations.$inferInsert): Promise<void> {
  await tx.insert(populations).values(values);
}

export async function updatePopulation(tx: Db, organisationId: string, year: number, values: Partial<typeof populations.$inferInsert>): Promise<void> {
  await tx.update(populations).set(values).where(and(eq(populations.organisationId, organisationId), eq(populations.year, year)));
}

export async function updateBody(tx: Db, id: string, values: Partial<typeof bodies.$inferInsert>): Promise<void> {
  await tx.update(bodies).set(values).where(eq(bodies.id, id));
}

export async function insertPerson(tx: Db, values: typeof people.$inferInsert): Promise<{ id: string }> {
  return insertOne(tx.insert(people).values(values).returning({ id: people.id }));
}

export async function updatePerson(tx: Db, id: string, values: Partial<typeof people.$inferInsert>): Promise<void> {
  await tx.update(people).set(values).where(eq(people.id, id));
}

export async function insertMandate(tx: Db, values: typeof mandates.$inferInsert): Promise<{ id: string }> {
  return insertOne(tx.insert(mandates).values(values).returning({ id: mandates.id }));
}

export async function updateMandate(tx: Db, id: string, values: Partial<typeof mandates.$inferInsert>): Promise<void> {
  await tx.update(mandates).set(values).where(eq(mandates.id, id));
}

export async function deleteMandate(tx: Db, id: string): Promise<void> {
  await tx.delete(mandates).where(eq(mandates.id, id));
}

export async function listCommitteeIds(db: Db): Promise<string[]> {
  return (await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'committee'))).map((o) => o.id);
}

/** The body organisations where each of the people holds a mandate. */
export async function listSeatsOfPeople(db: Db, personIds: string[]): Promise<{ personId: string; organisationId: string }[]> {
  return db.select({ personId: mandates.personId, organisationId: bodies.organisationId }).from(mandates).innerJoin(bodies, eq(bodies.id, mandates.bodyId)).where(inArray(mandates.personId, personIds));
}

/** Whether the person holds a mandate that has not ended by `today`. */
export async function hasCurrentMandate(db: Db, personId: string, today: string): Promise<boolean> {
  const [active] = await db.select({ id: mandates.id }).from(mandates).where(and(eq(mandates.personId, personId), or(isNull(mandates.termTo), gte(mandates.termTo, today))));
  return Boolean(active);
}

export async function findCommittee(db: Db, id: string): Promise<OrganisationRow | undefined> {
  return firstRow(db.select().from(organisations).where(and(eq(organisations.id, id), eq(organisations.kind, 'committee'))));
}

export async function findCommitteeBySlug(db: Db, slug: string): Promise<OrganisationRow | undefined> {
  return firstRow(db.select().from(organisations).where(and(eq(organisations.slug, slug), eq(organisations.kind, 'committee'))));
}

/** The committees among `ids`, by name. */
export async function listCommitteesAmong(db: Db, ids: string[]): Promise<OrganisationRow[]> {
  return db
    .select()
    .from(organisations)
    .where(and(inArray(organisations.id, ids), eq(organisations.kind, 'committee')))
    .orderBy(asc(organisations.name));
}

/** Every committee, by slug. */
export async function listCommitteesBySlug(db: Db): Promise<OrganisationRow[]> {
  return db.select().from(organisations).where(eq(organisations.kind, 'committee')).orderBy(asc(organisations.slug));
}
