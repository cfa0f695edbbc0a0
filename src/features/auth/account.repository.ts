/** SQL of the account's own changes: password resets and the sessions a new password ends. */
import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { passwordResets, sessions } from './auth.tables.js';

/** Ends the user's sessions but the current one (all when none is given); how many ended. */
export async function deleteOtherSessions(tx: Db, userId: string, currentSessionHash: string | undefined): Promise<number> {
  const others = currentSessionHash ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, currentSessionHash)) : eq(sessions.userId, userId);
  const ended = await tx.delete(sessions).where(others).returning({ t: sessions.tokenHash });
  return ended.length;
}

export async function insertPasswordReset(tx: Db, values: typeof passwordResets.$inferInsert): Promise<void> {
  await tx.insert(passwordResets).values(values);
}

/** Every unused reset link of the user stops working. */
export async function useUpResets(tx: Db, userId: string, now: Date): Promise<void> {
  await tx.update(passwordResets).set({ usedAt: now }).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

export async function isResetUsable(db: Db, tokenHash: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ userId: passwordResets.userId })
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)));
  return Boolean(row);
}

/** Uses the link up in one statement (two uses at once cannot both succeed): its user, or null. */
export async function takePasswordReset(tx: Db, tokenHash: string, now: Date): Promise<string | null> {
  const [used] = await tx
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .returning({ userId: passwordResets.userId });
  return used?.userId ?? null;
}
