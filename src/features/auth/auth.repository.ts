import { and, count, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { apiTokens, loginAttempts, roleAssignments, sessions, users, type UserRow } from './auth.tables.js';
import { isRole, type RoleGrant } from '../../platform/auth/policy.js';
import { firstRow } from '../../platform/db/first-row.js';

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return firstRow(db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`));
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return firstRow(db.select().from(users).where(eq(users.id, id)));
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

export async function listGrants(db: Db, userId: string): Promise<RoleGrant[]> {
  const rows = await db
    .select({ organisationId: roleAssignments.organisationId, role: roleAssignments.role })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId));
  return grantsOf(rows);
}

function grantsOf(rows: readonly { organisationId: string; role: string }[]): RoleGrant[] {
  return rows.flatMap((r) => (isRole(r.role) ? [{ organisationId: r.organisationId, role: r.role }] : []));
}

export async function insertSession(db: Db, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function findLiveSession(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  return row;
}

function prepareLiveSession(db: Db) {
  return db
    .select({
      session: sessions,
      user: users,
      grants: sql<{ organisationId: string; role: string }[]>`coalesce((
        select json_agg(json_build_object('organisationId', r.organisation_id, 'role', r.role))
        from role_assignments r where r.user_id = ${sessions.userId}), '[]'::json)`,
    })
    .from(sessions)
    .leftJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare('kansli_live_session');
}

/** Built once per database. */
const liveSessionQueries = new WeakMap<Db, ReturnType<typeof prepareLiveSession>>();

/**
 * A live session with its user and the user's grants in one prepared statement: every signed-in
 * request asks this, so it is one round trip rather than three (session, user, grants).
 */
export async function findLiveSessionWithUser(db: Db, tokenHash: string, now: Date) {
  let query = liveSessionQueries.get(db);
  if (!query) liveSessionQueries.set(db, (query = prepareLiveSession(db)));
  const [row] = await query.execute({ tokenHash, now });
  return row ? { session: row.session, user: row.user, grants: grantsOf(row.grants) } : undefined;
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteUserSessions(db: Db, userId: string): Promise<number> {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ t: sessions.tokenHash });
  return rows.length;
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function touchSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

export async function countRecentAttempts(db: Db, key: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.key, key), gt(loginAttempts.at, since)));
  return row?.n ?? 0;
}

export async function recordAttempt(db: Db, key: string, at: Date): Promise<void> {
  await db.insert(loginAttempts).values({ key, at });
}

export async function clearAttempts(db: Db, key: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}

export async function findLiveApiToken(db: Db, tokenHash: string) {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  return row;
}

export async function insertApiToken(tx: Db, values: typeof apiTokens.$inferInsert): Promise<string | undefined> {
  const [row] = await tx.insert(apiTokens).values(values).returning({ id: apiTokens.id });
  return row?.id;
}

export async function listApiTokens(db: Db, userId: string) {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId));
}

export async function findApiToken(db: Db, id: string) {
  return firstRow(db.select().from(apiTokens).where(eq(apiTokens.id, id)));
}

export async function updateApiToken(tx: Db, id: string, values: { lastUsedAt?: Date; revokedAt?: Date }): Promise<void> {
  await tx.update(apiTokens).set(values).where(eq(apiTokens.id, id));
}

/** One attempt key at a time across servers, until the transaction ends. */
export async function lockAttemptKey(tx: Db, lock: number, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${lock}::int, hashtext(${key}))`);
}

export async function insertAttempts(tx: Db, keys: readonly string[], at: Date): Promise<number[]> {
  const rows = await tx
    .insert(loginAttempts)
    .values(keys.map((key) => ({ key, at })))
    .returning({ id: loginAttempts.id });
  return rows.map((r) => r.id);
}

export async function deleteAttempts(db: Db, ids: number[]): Promise<void> {
  if (ids.length > 0) await db.delete(loginAttempts).where(inArray(loginAttempts.id, ids));
}

export async function revokeApiTokensOf(tx: Db, userId: string, now: Date): Promise<void> {
  await tx.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}
