/** SQL of justering as a review: the copy stored at locking, comments and answers, voided signatures. */
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { insertOne } from '../../platform/db/insert-one.js';
import { users } from '../auth/auth.tables.js';
import { meetings } from '../meetings/meetings.tables.js';
import { bodies } from '../organisation/organisation.tables.js';
import { selectFromProtocols } from './protocol-joins.repository.js';
import { protocolReviewComments, protocolReviewCopies, protocols, protocolSignatures, type ProtocolReviewCommentRow } from './protocols.tables.js';
import { firstRow } from '../../platform/db/first-row.js';

/** The protocol with its meeting and the committee that owns it. */
export async function findProtocolWithCommittee(db: Db, protocolId: string) {
  const [row] = await selectFromProtocols(db, { protocol: protocols, meeting: meetings, committeeId: bodies.organisationId }).where(eq(protocols.id, protocolId));
  return row;
}

export async function findProtocolForUpdate(tx: Db, protocolId: string) {
  return firstRow(tx.select().from(protocols).where(eq(protocols.id, protocolId)).for('update'));
}

export async function listComments(db: Db, protocolId: string) {
  return db
    .select({ comment: protocolReviewComments, author: users.name })
    .from(protocolReviewComments)
    .innerJoin(users, eq(users.id, protocolReviewComments.authorUserId))
    .where(eq(protocolReviewComments.protocolId, protocolId))
    .orderBy(asc(protocolReviewComments.createdAt));
}

export async function findCommentForUpdate(tx: Db, protocolId: string, commentId: string): Promise<ProtocolReviewCommentRow | undefined> {
  return firstRow(tx.select().from(protocolReviewComments).where(and(eq(protocolReviewComments.id, commentId), eq(protocolReviewComments.protocolId, protocolId))).for('update'));
}

export async function insertComment(tx: Db, values: typeof protocolReviewComments.$inferInsert): Promise<{ id: string }> {
  return insertOne(tx.insert(protocolReviewComments).values(values).returning({ id: protocolReviewComments.id }));
}

export async function updateComment(tx: Db, id: string, values: Partial<typeof protocolReviewComments.$inferInsert>): Promise<void> {
  await tx.update(protocolReviewComments).set(values).where(eq(protocolReviewComments.id, id));
}

/** The whole-protocol signatures voided by unlocking, oldest first. */
export async function listVoidedSignatures(db: Db, protocolId: string) {
  return db
    .select({ role: protocolSignatures.role, name: users.name, signedAt: protocolSignatures.signedAt, voidedAt: protocolSignatures.voidedAt, reason: protocolSignatures.voidedReason })
    .from(protocolSignatures)
    .innerJoin(users, eq(users.id, protocolSignatures.userId))
    .where(and(eq(protocolSignatures.protocolId, protocolId), isNotNull(protocolSignatures.voidedAt)))
    .orderBy(asc(protocolSignatures.signedAt));
}

/** The standing signatures of the protocol as a whole, oldest first. */
export async function listStandingSignatures(db: Db, protocolId: string) {
  return db
    .select({ role: protocolSignatures.role, name: users.name, signedAt: protocolSignatures.signedAt })
    .from(protocolSignatures)
    .innerJoin(users, eq(users.id, protocolSignatures.userId))
    .where(and(eq(protocolSignatures.protocolId, protocolId), isNull(protocolSignatures.paragraphId), isNull(protocolSignatures.voidedAt)))
    .orderBy(asc(protocolSignatures.signedAt));
}

/** Voids the standing whole-protocol signatures: the ones voided. */
export async function voidSignatures(tx: Db, protocolId: string, voidedAt: Date, reason: string) {
  return tx
    .update(protocolSignatures)
    .set({ voidedAt, voidedReason: reason })
    .where(and(eq(protocolSignatures.protocolId, protocolId), isNull(protocolSignatures.paragraphId), isNull(protocolSignatures.voidedAt)))
    .returning({ role: protocolSignatures.role, signedAt: protocolSignatures.signedAt, sha256: protocolSignatures.sha256 });
}

export async function updateProtocol(tx: Db, id: string, values: Partial<typeof protocols.$inferInsert>): Promise<void> {
  await tx.update(protocols).set(values).where(eq(protocols.id, id));
}

export async function insertReviewCopy(tx: Db, values: typeof protocolReviewCopies.$inferInsert): Promise<void> {
  await tx.insert(protocolReviewCopies).values(values).onConflictDoNothing();
}

export async function findReviewCopyRow(db: Db, protocolId: string, sha256: string) {
  return firstRow(db.select().from(protocolReviewCopies).where(and(eq(protocolReviewCopies.protocolId, protocolId), eq(protocolReviewCopies.sha256, sha256))));
}
