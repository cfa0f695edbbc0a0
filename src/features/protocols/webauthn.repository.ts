/** SQL of passkeys: one-time challenges and the credentials of each user. */
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { webauthnChallenges, webauthnCredentials } from '../auth/auth.tables.js';

/** Keeps a challenge, clearing expired ones on the way. */
export async function insertChallenge(db: Db, values: typeof webauthnChallenges.$inferInsert, now: Date): Promise<void> {
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, now));
  await db.insert(webauthnChallenges).values(values);
}

/** Takes a challenge away (one use only): the row it was, if any. */
export async function takeChallenge(db: Db, challenge: string) {
  const [row] = await db.delete(webauthnChallenges).where(eq(webauthnChallenges.challenge, challenge)).returning();
  return row;
}

export async function listCredentials(db: Db, userId: string) {
  return db.select().from(webauthnCredentials).where(eq(webauthnCredentials.userId, userId));
}

export async function insertCredential(db: Db, values: typeof webauthnCredentials.$inferInsert): Promise<void> {
  await db.insert(webauthnCredentials).values(values);
}

export async function findCredential(db: Db, userId: string, credentialId: string) {
  const [row] = await db
    .select()
    .from(webauthnCredentials)
    .where(and(eq(webauthnCredentials.userId, userId), eq(webauthnCredentials.credentialId, credentialId)));
  return row;
}

export async function setCredentialCounter(db: Db, id: string, counter: number): Promise<void> {
  await db.update(webauthnCredentials).set({ counter }).where(eq(webauthnCredentials.id, id));
}

/** Removes one of the user's passkeys: what it was, or undefined when the user has no such passkey. */
export async function deleteCredential(tx: Db, userId: string, id: string): Promise<{ credentialId: string; label: string } | undefined> {
  const [row] = await tx
    .delete(webauthnCredentials)
    .where(and(eq(webauthnCredentials.id, id), eq(webauthnCredentials.userId, userId)))
    .returning({ credentialId: webauthnCredentials.credentialId, label: webauthnCredentials.label });
  return row;
}
