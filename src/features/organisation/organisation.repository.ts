import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { bodies, mandates, organisations, people, populations } from './organisation.tables.js';

export type OrganisationRow = typeof organisations.$inferSelect;
export type BodyRow = typeof bodies.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type MandateRow = typeof mandates.$inferSelect;
export type PopulationRow = typeof populations.$inferSelect;

export async function listOrganisations(db: Db): Promise<OrganisationRow[]> {
  return db.select().from(organisations).orderBy(asc(organisations.name));
}

export async function findOrganisationBySlug(db: Db, slug: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.slug, slug));
  return row;
}

export async function findOrganisationById(db: Db, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
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
  const [row] = await db.select().from(bodies).where(eq(bodies.id, id));
  return row;
}

export async function listPeople(db: Db): Promise<PersonRow[]> {
  return db.select().from(people).orderBy(asc(people.name));
}

export async function findPerson(db: Db, id: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(people).where(eq(people.id, id));
  return row;
}

export async function listMandates(db: Db, filter: { bodyId?: string; personId?: string; municipalityId?: string } = {}): Promise<MandateRow[]> {
  const q = db.select().from(mandates);
  if (filter.bodyId) return q.where(eq(mandates.bodyId, filter.bodyId));
  if (filter.personId) return q.where(eq(mandates.personId, filter.personId));
  if (filter.municipalityId) return q.where(eq(mandates.municipalityId, filter.municipalityId));
  return q;
}

export async function findMandate(db: Db, id: string): Promise<MandateRow | undefined> {
  const [row] = await db.select().from(mandates).where(eq(mandates.id, id));
  return row;
}
