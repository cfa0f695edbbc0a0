import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { bodies, mandates, organisations, people } from '../organisation/organisation.tables.js';
import { roleAssignments, users } from '../auth/auth.tables.js';

/** Someone an extract can be sent to: a member municipality's registrar, or a person of the committee. */
export interface RecipientChoice {
  group: 'municipality' | 'person';
  email: string;
  /** The municipality's name, or the person's. */
  name: string;
  /** The registrar's name, or the person's municipality. */
  detail: string;
}

/** The registrars of the committee's member municipalities and the people with a mandate in its bodies. */
export async function listRecipientChoices(db: Db, committeeId: string): Promise<RecipientChoice[]> {
  const registrars = await db
    .selectDistinct({ name: organisations.name, detail: users.name, email: users.email })
    .from(organisations)
    .innerJoin(roleAssignments, and(eq(roleAssignments.organisationId, organisations.id), eq(roleAssignments.role, 'registrar')))
    .innerJoin(users, and(eq(users.id, roleAssignments.userId), eq(users.disabled, false)))
    .where(eq(organisations.committeeId, committeeId))
    .orderBy(asc(organisations.name), asc(users.email));
  const municipality = organisations;
  const members = await db
    .selectDistinct({ name: people.name, detail: municipality.name, email: people.email })
    .from(mandates)
    .innerJoin(people, eq(people.id, mandates.personId))
    .innerJoin(bodies, eq(bodies.id, mandates.bodyId))
    .innerJoin(municipality, eq(municipality.id, mandates.municipalityId))
    .where(and(eq(bodies.organisationId, committeeId), isNotNull(people.email)))
    .orderBy(asc(people.name));
  return [
    ...registrars.map((r) => ({ group: 'municipality' as const, ...r })),
    ...members.flatMap((m) => (m.email ? [{ group: 'person' as const, name: m.name, detail: m.detail, email: m.email }] : [])),
  ];
}
