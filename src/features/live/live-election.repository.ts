/**
 * SQL of elections by closed ballot on the members' devices. Who chose whom is written nowhere:
 * these functions store the persons who have voted and the counts, never a ballot.
 */
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { insertOne } from '../../platform/db/insert-one.js';
import { electionCandidates, elections } from '../meetings/meetings.tables.js';
import { liveElections, liveElectionVoters, type LiveElectionRow } from './live-election.tables.js';
import { firstRow } from '../../platform/db/first-row.js';

/** The latest election opened in a meeting. */
export async function findLatestLiveElection(db: Db, meetingId: string): Promise<LiveElectionRow | undefined> {
  return firstRow(db.select().from(liveElections).where(eq(liveElections.meetingId, meetingId)).orderBy(desc(liveElections.openedAt)).limit(1));
}

export async function findLiveElectionEligible(db: Db, id: string): Promise<string[] | undefined> {
  const [row] = await db.select({ eligible: liveElections.eligible }).from(liveElections).where(eq(liveElections.id, id));
  return row?.eligible;
}

/** The election row of a meeting, locked for update (a ballot and closing each wait for the other). */
export async function lockLiveElection(tx: Db, meetingId: string, id: string): Promise<LiveElectionRow | undefined> {
  return firstRow(tx.select().from(liveElections).where(and(eq(liveElections.id, id), eq(liveElections.meetingId, meetingId))).for('update'));
}

export async function findOpenLiveElectionId(tx: Db, meetingId: string): Promise<string | undefined> {
  const [row] = await tx.select({ id: liveElections.id }).from(liveElections).where(and(eq(liveElections.meetingId, meetingId), isNull(liveElections.closedAt)));
  return row?.id;
}

export async function insertLiveElection(tx: Db, values: typeof liveElections.$inferInsert): Promise<LiveElectionRow> {
  return insertOne(tx.insert(liveElections).values(values).returning());
}

export async function closeLiveElectionRow(tx: Db, id: string, change: { closedAt: Date; electionId?: string }): Promise<void> {
  await tx.update(liveElections).set(change).where(eq(liveElections.id, id));
}

export async function setLiveElectionCounts(tx: Db, id: string, counts: { tally: number[]; blank: number; cast: number }): Promise<void> {
  await tx.update(liveElections).set(counts).where(eq(liveElections.id, id));
}

/** Marks the person as having voted; false when they already had. */
export async function markVoted(tx: Db, liveElectionId: string, personId: string): Promise<boolean> {
  const marked = await tx.insert(liveElectionVoters).values({ liveElectionId, personId }).onConflictDoNothing().returning();
  return marked.length > 0;
}

export async function hasVoted(db: Db, liveElectionId: string, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ personId: liveElectionVoters.personId })
    .from(liveElectionVoters)
    .where(and(eq(liveElectionVoters.liveElectionId, liveElectionId), eq(liveElectionVoters.personId, personId)));
  return row !== undefined;
}

export async function listVoterIds(db: Db, liveElectionId: string): Promise<string[]> {
  const rows = await db.select({ personId: liveElectionVoters.personId }).from(liveElectionVoters).where(eq(liveElectionVoters.liveElectionId, liveElectionId));
  return rows.map((r) => r.personId);
}

/** The recorded election and its candidates' counts in ballot order. */
export async function findElectionRecord(db: Db, electionId: string) {
  const [record] = await db.select().from(elections).where(eq(elections.id, electionId));
  const candidates = await db.select().from(electionCandidates).where(eq(electionCandidates.electionId, electionId)).orderBy(asc(electionCandidates.position));
  return record ? { record, candidates } : undefined;
}
