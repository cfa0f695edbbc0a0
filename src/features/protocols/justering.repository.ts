/** SQL of justering: the protocol with its committee, the signatures given and the one being added. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { users } from '../auth/auth.tables.js';
import { meetings } from '../meetings/meetings.tables.js';
import { bodies, organisations, people } from '../organisation/organisation.tables.js';
import { selectFromProtocolsWithCommittee } from './protocol-joins.repository.js';
import { protocolParagraphs, protocols, protocolSignatures } from './protocols.tables.js';
import { firstRow } from '../../platform/db/first-row.js';

/** The protocol with its meeting, its body's name and the committee's id and settings. */
export async function findProtocolForJustering(db: Db, protocolId: string) {
  const [row] = await selectFromProtocolsWithCommittee(db, { protocol: protocols, meeting: meetings, bodyName: bodies.name, committeeId: bodies.organisationId, committeeSettings: organisations.settings })
    .where(eq(protocols.id, protocolId));
  return row;
}

/** The standing signatures of the protocol as a whole (or of one paragraph), with the accounts' names, oldest first. */
export async function listSignaturesWithAccounts(db: Db, protocolId: string, paragraphId: string | null) {
  return db
    .select({ role: protocolSignatures.role, method: protocolSignatures.method, signedAt: protocolSignatures.signedAt, late: protocolSignatures.late, userId: protocolSignatures.userId, name: users.name, sha256: protocolSignatures.sha256, assuranceProvider: protocolSignatures.assuranceProvider, assuranceLevel: protocolSignatures.assuranceLevel, authenticatedAt: protocolSignatures.authenticatedAt })
    .from(protocolSignatures)
    .innerJoin(users, eq(users.id, protocolSignatures.userId))
    .where(and(eq(protocolSignatures.protocolId, protocolId), isNull(protocolSignatures.voidedAt), paragraphId ? eq(protocolSignatures.paragraphId, paragraphId) : isNull(protocolSignatures.paragraphId)))
    .orderBy(asc(protocolSignatures.signedAt));
}

export async function findParagraphOf(db: Db, protocolId: string, paragraphId: string) {
  return firstRow(db.select().from(protocolParagraphs).where(and(eq(protocolParagraphs.id, paragraphId), eq(protocolParagraphs.protocolId, protocolId))));
}

/** The paragraphs adjusted at the meeting, in order. */
export async function listImmediateParagraphs(db: Db, protocolId: string) {
  return db
    .select()
    .from(protocolParagraphs)
    .where(and(eq(protocolParagraphs.protocolId, protocolId), eq(protocolParagraphs.immediateJustering, true)))
    .orderBy(asc(protocolParagraphs.position));
}

export async function findPersonName(db: Db, personId: string): Promise<{ name: string } | undefined> {
  return firstRow(db.select({ name: people.name }).from(people).where(eq(people.id, personId)));
}

export async function findProtocolForUpdate(tx: Db, protocolId: string) {
  return firstRow(tx.select().from(protocols).where(eq(protocols.id, protocolId)).for('update'));
}

export async function insertSignature(tx: Db, values: typeof protocolSignatures.$inferInsert): Promise<void> {
  await tx.insert(protocolSignatures).values(values);
}

export async function markParagraphAdjusted(tx: Db, paragraphId: string, at: Date): Promise<void> {
  await tx.update(protocolParagraphs).set({ adjustedAt: at }).where(eq(protocolParagraphs.id, paragraphId));
}

/** The locked protocol becomes final (once), with the sums of its sealed and public PDFs. */
export async function markProtocolFinal(tx: Db, protocolId: string, values: { finalAt: Date; sealedPdfSha256: string; publicPdfSha256: string }): Promise<void> {
  await tx
    .update(protocols)
    .set({ status: 'final', ...values, updatedAt: values.finalAt })
    .where(and(eq(protocols.id, protocolId), eq(protocols.status, 'locked')));
}
