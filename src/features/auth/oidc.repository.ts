import { and, asc, eq, inArray, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { oidcSessions, oidcTransactions, roleAssignments, sessions, users, type OidcTransactionRow } from './auth.tables.js';
import { organisations, people } from '../organisation/organisation.tables.js';
import { firstRow } from '../../platform/db/first-row.js';

export async function insertTransaction(db: Db, values: typeof oidcTransactions.$inferInsert): Promise<void> {
  await db.insert(oidcTransactions).values(values);
}

/** Takes the transaction out: a state can be answered once. */
export async function takeTransaction(db: Db, state: string): Promise<OidcTransactionRow | undefined> {
  const [row] = await db.delete(oidcTransactions).where(eq(oidcTransactions.state, state)).returning();
  return row;
}

export async function deleteExpiredTransactions(db: Db, now: Date): Promise<void> {
  await db.delete(oidcTransactions).where(lt(oidcTransactions.expiresAt, now));
}

export async function insertOidcSession(db: Db, values: typeof oidcSessions.$inferInsert): Promise<void> {
  await db.insert(oidcSessions).values(values);
}

export async function findOidcSession(db: Db, tokenHash: string) {
  return firstRow(db.select().from(oidcSessions).where(eq(oidcSessions.tokenHash, tokenHash)));
}

/** The Kansli sessions a provider's session (sid), or every session of a subject, belongs to. */
export async function findSessionsOf(db: Db, where: { providerId: string; sid?: string | undefined; subject?: string | undefined }) {
  const conditions = [eq(oidcSessions.providerId, where.providerId)];
  if (where.sid) conditions.push(eq(oidcSessions.providerSessionId, where.sid));
  if (where.subject) conditions.push(eq(oidcSessions.subject, where.subject));
  return db.select({ tokenHash: oidcSessions.tokenHash, userId: oidcSessions.userId }).from(oidcSessions).where(and(...conditions));
}

/** Non-disabled accounts whose e-mail address is this one (case-insensitive). */
export async function usersByEmail(db: Db, email: string) {
  return db
    .select({ id: users.id, email: users.email, disabled: users.disabled, personId: users.personId })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
}

/** Accounts linked to the person holding this personnummer. */
export async function usersByPersonalIdentityNumber(db: Db, personnummer: string) {
  return db
    .select({ id: users.id, email: users.email, disabled: users.disabled, personId: users.personId })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .where(eq(people.personalIdentityNumber, personnummer));
}

export async function usersById(db: Db, id: string) {
  return db.select({ id: users.id, email: users.email, disabled: users.disabled, personId: users.personId }).from(users).where(eq(users.id, id));
}

/** The organisation slugs where the user holds a role. */
export async function grantOrganisationSlugs(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ slug: organisations.slug })
    .from(roleAssignments)
    .innerJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
    .where(eq(roleAssignments.userId, userId));
  return rows.map((r) => r.slug);
}

export async function setPersonalIdentityNumber(db: Db, personId: string, value: string | null): Promise<void> {
  await db.update(people).set({ personalIdentityNumber: value }).where(eq(people.id, personId));
}

export async function peopleWithNumber(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: people.id, personalIdentityNumber: people.personalIdentityNumber }).from(people).where(inArray(people.id, ids));
}

/** Ends a Kansli session (its oidc_sessions row goes with it). */
export async function deleteKansliSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function listCommitteesByIds(db: Db, ids: string[]) {
  return db.select().from(organisations).where(and(eq(organisations.kind, 'committee'), inArray(organisations.id, ids))).orderBy(asc(organisations.name));
}

export async function findCommitteeForUpdate(tx: Db, id: string) {
  return firstRow(tx.select().from(organisations).where(and(eq(organisations.id, id), eq(organisations.kind, 'committee'))).for('update'));
}

export async function findPersonWithOrganisation(db: Db, personId: string) {
  return firstRow(db.select({ person: people, org: organisations }).from(people).leftJoin(organisations, eq(organisations.id, people.organisationId)).where(eq(people.id, personId)));
}

/** The named people of the committees and their member municipalities. */
export async function listNamedPeopleOfCooperations(db: Db, committeeIds: string[]) {
  return db
    .select({ id: people.id, name: people.name, personalIdentityNumber: people.personalIdentityNumber, organisation: organisations.name })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.organisationId))
    .where(and(or(inArray(organisations.id, committeeIds), inArray(organisations.committeeId, committeeIds)), ne(people.name, '')))
    .orderBy(asc(people.name));
}

export async function findOtherPersonWithNumber(db: Db, personalIdentityNumber: string, exceptPersonId: string): Promise<{ id: string } | undefined> {
  return firstRow(db.select({ id: people.id }).from(people).where(and(eq(people.personalIdentityNumber, personalIdentityNumber), ne(people.id, exceptPersonId))));
}
