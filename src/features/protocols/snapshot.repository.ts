/** SQL of the frozen final protocol: its snapshot row and the names, signatures and votes frozen into it. */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { users } from '../auth/auth.tables.js';
import { voteBallots, votes } from '../meetings/meetings.tables.js';
import { people } from '../organisation/organisation.tables.js';
import { protocolParagraphs, protocolSignatures, protocolSnapshots, type ProtocolSnapshotRow } from './protocols.tables.js';
import { firstRow } from '../../platform/db/first-row.js';

export async function findSnapshotRow(db: Db, protocolId: string): Promise<ProtocolSnapshotRow | undefined> {
  return firstRow(db.select().from(protocolSnapshots).where(eq(protocolSnapshots.protocolId, protocolId)));
}

/** Stores the snapshot unless the protocol has one: the row stored, or undefined when there was one. */
export async function insertSnapshotIfNew(tx: Db, values: typeof protocolSnapshots.$inferInsert): Promise<ProtocolSnapshotRow | undefined> {
  const [row] = await tx.insert(protocolSnapshots).values(values).onConflictDoNothing().returning();
  return row;
}

/** The standing signatures with the names of the people (or accounts) as they are now, oldest first. */
export async function listSignaturesWithNames(db: Db, protocolId: string) {
  return db
    .select({ person: people.name, user: users.name, role: protocolSignatures.role, method: protocolSignatures.method, signedAt: protocolSignatures.signedAt, late: protocolSignatures.late, paragraphId: protocolSignatures.paragraphId, sha256: protocolSignatures.sha256, assuranceProvider: protocolSignatures.assuranceProvider, assuranceLevel: protocolSignatures.assuranceLevel, authenticatedAt: protocolSignatures.authenticatedAt })
    .from(protocolSignatures)
    .innerJoin(users, eq(users.id, protocolSignatures.userId))
    .leftJoin(people, eq(people.id, protocolSignatures.personId))
    .where(and(eq(protocolSignatures.protocolId, protocolId), isNull(protocolSignatures.voidedAt)))
    .orderBy(asc(protocolSignatures.signedAt));
}

/** The votes of the protocol's paragraphs not under secrecy, with their ballots and the voters' names. */
export async function listOpenVotesWithBallots(db: Db, protocolId: string) {
  const open = and(eq(protocolParagraphs.protocolId, protocolId), isNull(protocolParagraphs.secrecyProvision));
  const voteRows = await db
    .select({ vote: votes })
    .from(votes)
    .innerJoin(protocolParagraphs, and(eq(protocolParagraphs.agendaItemId, votes.itemId), open))
    .orderBy(asc(votes.createdAt));
  const ids = voteRows.map((r) => r.vote.id);
  const ballots =
    ids.length === 0
      ? []
      : await db
          .select({ voteId: voteBallots.voteId, personId: voteBallots.personId, name: people.name, municipalityId: voteBallots.municipalityId, choice: voteBallots.choice })
          .from(voteBallots)
          .innerJoin(people, eq(people.id, voteBallots.personId))
          .where(inArray(voteBallots.voteId, ids))
          .orderBy(asc(people.name));
  return { voteRows, ballots };
}

/** Whether the protocol has whole-protocol signatures that stand. */
export async function hasStandingSignatures(db: Db, protocolId: string): Promise<boolean> {
  const [row] = await db.select({ id: protocolSignatures.id }).from(protocolSignatures).where(and(eq(protocolSignatures.protocolId, protocolId), isNull(protocolSignatures.paragraphId), isNull(protocolSignatures.voidedAt))).limit(1);
  return Boolean(row);
}
