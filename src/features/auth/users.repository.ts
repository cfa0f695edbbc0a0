/** SQL of user accounts and their role grants, as the administration changes them. */
import { and, asc, count, eq, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { insertOne } from '../../platform/db/insert-one.js';
import { organisations } from '../organisation/organisation.tables.js';
import type { Db } from '../../platform/db/database.js';
import { roleAssignments, users, type RoleAssignmentRow, type UserRow } from './auth.tables.js';
import { firstRow } from '../../platform/db/first-row.js';

type GrantKey = { userId: string; organisationId: string; role: RoleAssignmentRow['role'] };

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.select().from(users);
}

export async function listAllRoleAssignments(db: Db): Promise<RoleAssignmentRow[]> {
  return db.select().from(roleAssignments);
}

export async function listRoleAssignmentsOf(db: Db, userId: string): Promise<RoleAssignmentRow[]> {
  return db.select().from(roleAssignments).where(eq(roleAssignments.userId, userId));
}

const grantIs = (g: GrantKey) => and(eq(roleAssignments.userId, g.userId), eq(roleAssignments.organisationId, g.organisationId), eq(roleAssignments.role, g.role));

export async function findRoleAssignment(db: Db, grant: GrantKey): Promise<RoleAssignmentRow | undefined> {
  return firstRow(db.select().from(roleAssignments).where(grantIs(grant)));
}

export async function insertRoleAssignment(tx: Db, grant: GrantKey): Promise<void> {
  await tx.insert(roleAssignments).values(grant);
}

export async function deleteRoleAssignment(tx: Db, grant: GrantKey): Promise<void> {
  await tx.delete(roleAssignments).where(grantIs(grant));
}

export async function countAdmins(db: Db, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.role, 'admin'), eq(roleAssignments.organisationId, organisationId)));
  return row?.n ?? 0;
}

export async function findUserForUpdate(tx: Db, id: string): Promise<UserRow | undefined> {
  return firstRow(tx.select().from(users).where(eq(users.id, id)).for('update'));
}

/** The active account linked to the person, other than `exceptUserId` when given. */
export async function findActiveAccountOfPerson(db: Db, personId: string, exceptUserId?: string): Promise<{ id: string; email: string } | undefined> {
  const active = and(eq(users.personId, personId), eq(users.disabled, false));
  const [row] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(exceptUserId ? and(active, ne(users.id, exceptUserId)) : active);
  return row;
}

export async function updateUser(tx: Db, id: string, values: Partial<typeof users.$inferInsert>): Promise<void> {
  await tx.update(users).set(values).where(eq(users.id, id));
}

export async function insertUser(tx: Db, values: typeof users.$inferInsert): Promise<{ id: string }> {
  return insertOne(tx.insert(users).values(values).returning({ id: users.id }));
}

/** Records the TOTP time step as used, unless it or a later one was: false when it was. */
export async function takeTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const taken = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return taken.length > 0;
}

/** The organisation of the user's first grant: a municipality before a committee, then the oldest grant, then the lowest id. */
export async function findFirstGrantOrganisationId(db: Db, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ organisationId: roleAssignments.organisationId })
    .from(roleAssignments)
    .innerJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(sql`case when ${organisations.kind} = 'municipality' then 0 else 1 end`, asc(roleAssignments.createdAt), asc(roleAssignments.organisationId))
    .limit(1);
  return row?.organisationId ?? null;
}

/** The accounts linked to a person. */
export async function listAccountsOfPerson(db: Db, personId: string): Promise<{ id: string; email: string; name: string }[]> {
  return db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.personId, personId));
}
