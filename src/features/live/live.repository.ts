/**
 * SQL of the live meeting (check-ins, the speakers' list, electronic votes and what members enter
 * from their devices). Each function takes the database or the transaction it runs in.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { insertOne } from '../../platform/db/insert-one.js';
import { agendaItems, meetings, motions, reservations, voteBallots, votes } from '../meetings/meetings.tables.js';
import { people } from '../organisation/organisation.tables.js';
import { liveBallots, liveCheckins, liveSpeakers, liveVotes, type LiveSpeakerRow, type LiveVoteRow } from './live.tables.js';
import { firstRow } from '../../platform/db/first-row.js';

// ---- the meeting row

export async function setLivePublic(tx: Db, meetingId: string, livePublic: boolean, now: Date): Promise<void> {
  await tx.update(meetings).set({ livePublic, updatedAt: now }).where(eq(meetings.id, meetingId));
}

export async function setSpeakerMinutes(tx: Db, meetingId: string, speakerMinutes: number | null, now: Date): Promise<void> {
  await tx.update(meetings).set({ speakerMinutes, updatedAt: now }).where(eq(meetings.id, meetingId));
}

// ---- check-ins and the attendance record

export async function findCheckin(db: Db, meetingId: string, personId: string, options: { forUpdate?: boolean } = {}) {
  const q = db.select().from(liveCheckins).where(and(eq(liveCheckins.meetingId, meetingId), eq(liveCheckins.personId, personId)));
  const [row] = await (options.forUpdate ? q.for('update') : q);
  return row;
}

/** Check-ins of a meeting the secretary has not confirmed yet, oldest first. */
export async function listPendingCheckins(db: Db, meetingId: string) {
  return db.select().from(liveCheckins).where(and(eq(liveCheckins.meetingId, meetingId), isNull(liveCheckins.confirmedAt))).orderBy(asc(liveCheckins.reportedAt));
}

/** A new report replaces the earlier one and waits for confirmation again. */
export async function upsertCheckin(tx: Db, c: { meetingId: string; personId: string; mode: 'present' | 'remote'; reportedAt: Date }): Promise<void> {
  await tx
    .insert(liveCheckins)
    .values(c)
    .onConflictDoUpdate({ target: [liveCheckins.meetingId, liveCheckins.personId], set: { mode: c.mode, reportedAt: c.reportedAt, confirmedAt: null, attendanceEventId: null } });
}

export async function confirmCheckinRow(tx: Db, meetingId: string, personId: string, change: { confirmedAt: Date; attendanceEventId: string | null }): Promise<void> {
  await tx.update(liveCheckins).set(change).where(and(eq(liveCheckins.meetingId, meetingId), eq(liveCheckins.personId, personId)));
}

// ---- the speakers' list

/** Entries of an item neither finished nor removed: who speaks and who waits. */
export async function listOpenSpeakers(db: Db, itemId: string, personId?: string): Promise<LiveSpeakerRow[]> {
  const where = [eq(liveSpeakers.itemId, itemId), isNull(liveSpeakers.finishedAt), eq(liveSpeakers.removed, false)];
  if (personId) where.push(eq(liveSpeakers.personId, personId));
  return db.select().from(liveSpeakers).where(and(...where));
}

/** Entries of an item that were given the floor and finished, in the order they spoke. */
export async function listSpokenSpeakers(db: Db, itemId: string): Promise<LiveSpeakerRow[]> {
  return db
    .select()
    .from(liveSpeakers)
    .where(and(eq(liveSpeakers.itemId, itemId), isNotNull(liveSpeakers.startedAt), isNotNull(liveSpeakers.finishedAt), eq(liveSpeakers.removed, false)))
    .orderBy(asc(liveSpeakers.startedAt));
}

export async function findSpeaker(tx: Db, meetingId: string, speakerId: string): Promise<LiveSpeakerRow | undefined> {
  return firstRow(tx.select().from(liveSpeakers).where(and(eq(liveSpeakers.id, speakerId), eq(liveSpeakers.meetingId, meetingId))));
}

export async function insertSpeaker(tx: Db, values: typeof liveSpeakers.$inferInsert): Promise<LiveSpeakerRow> {
  return insertOne(tx.insert(liveSpeakers).values(values).returning());
}

/** Removes the person's requests on an item that have not been given the floor; returns them. */
export async function withdrawWaitingSpeakers(tx: Db, itemId: string, personId: string): Promise<LiveSpeakerRow[]> {
  return tx
    .update(liveSpeakers)
    .set({ removed: true })
    .where(and(eq(liveSpeakers.itemId, itemId), eq(liveSpeakers.personId, personId), isNull(liveSpeakers.startedAt), eq(liveSpeakers.removed, false)))
    .returning();
}

export async function finishSpeakers(tx: Db, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.update(liveSpeakers).set({ finishedAt: now }).where(inArray(liveSpeakers.id, [...ids]));
}

export async function startSpeaker(tx: Db, id: string, now: Date): Promise<void> {
  await tx.update(liveSpeakers).set({ startedAt: now }).where(eq(liveSpeakers.id, id));
}

export async function removeSpeakerRow(tx: Db, id: string): Promise<void> {
  await tx.update(liveSpeakers).set({ removed: true }).where(eq(liveSpeakers.id, id));
}

// ---- electronic votes

export async function findLiveVote(db: Db, id: string): Promise<LiveVoteRow | undefined> {
  return firstRow(db.select().from(liveVotes).where(eq(liveVotes.id, id)));
}

/** The latest vote opened in a meeting. */
export async function findLatestLiveVote(db: Db, meetingId: string): Promise<LiveVoteRow | undefined> {
  return firstRow(db.select().from(liveVotes).where(eq(liveVotes.meetingId, meetingId)).orderBy(desc(liveVotes.openedAt)).limit(1));
}

/** The vote row of a meeting, locked: FOR SHARE for a ballot, FOR UPDATE for closing. */
export async function lockLiveVote(tx: Db, meetingId: string, id: string, mode: 'share' | 'update'): Promise<LiveVoteRow | undefined> {
  return firstRow(tx.select().from(liveVotes).where(and(eq(liveVotes.id, id), eq(liveVotes.meetingId, meetingId))).for(mode));
}

/** Open votes on an item, locked for update. */
export async function lockOpenLiveVotesOfItem(tx: Db, itemId: string): Promise<LiveVoteRow[]> {
  return tx.select().from(liveVotes).where(and(eq(liveVotes.itemId, itemId), isNull(liveVotes.closedAt))).for('update');
}

export async function findOpenLiveVoteId(tx: Db, meetingId: string): Promise<string | undefined> {
  const [row] = await tx.select({ id: liveVotes.id }).from(liveVotes).where(and(eq(liveVotes.meetingId, meetingId), isNull(liveVotes.closedAt)));
  return row?.id;
}

export async function insertLiveVote(tx: Db, values: typeof liveVotes.$inferInsert): Promise<LiveVoteRow> {
  return insertOne(tx.insert(liveVotes).values(values).returning());
}

export async function closeLiveVoteRow(tx: Db, id: string, change: { closedAt: Date; voteId?: string | null }): Promise<void> {
  await tx.update(liveVotes).set(change).where(eq(liveVotes.id, id));
}

export async function setLiveVoteEligible(tx: Db, id: string, eligible: string[]): Promise<void> {
  await tx.update(liveVotes).set({ eligible }).where(eq(liveVotes.id, id));
}

/** The agenda item a live vote was opened on. */
export async function findItemOfLiveVote(db: Db, liveVoteId: string) {
  const [row] = await db.select({ item: agendaItems }).from(liveVotes).innerJoin(agendaItems, eq(agendaItems.id, liveVotes.itemId)).where(eq(liveVotes.id, liveVoteId));
  return row?.item;
}

export async function listLiveBallots(db: Db, liveVoteId: string) {
  return db.select().from(liveBallots).where(eq(liveBallots.liveVoteId, liveVoteId));
}

export async function countLiveBallots(db: Db, liveVoteId: string): Promise<number> {
  return (await db.select({ personId: liveBallots.personId }).from(liveBallots).where(eq(liveBallots.liveVoteId, liveVoteId))).length;
}

export async function findLiveBallot(db: Db, liveVoteId: string, personId: string) {
  return firstRow(db.select().from(liveBallots).where(and(eq(liveBallots.liveVoteId, liveVoteId), eq(liveBallots.personId, personId))));
}

/** A member may change the ballot until the vote closes: the later one replaces the earlier. */
export async function upsertLiveBallot(tx: Db, b: { liveVoteId: string; personId: string; choice: 'yes' | 'no' | 'abstain'; castAt: Date }): Promise<void> {
  await tx
    .insert(liveBallots)
    .values(b)
    .onConflictDoUpdate({ target: [liveBallots.liveVoteId, liveBallots.personId], set: { choice: b.choice, castAt: b.castAt } });
}

export async function deleteLiveBallot(tx: Db, liveVoteId: string, personId: string): Promise<void> {
  await tx.delete(liveBallots).where(and(eq(liveBallots.liveVoteId, liveVoteId), eq(liveBallots.personId, personId)));
}

/** The recorded vote (counts) and its ballots with the voters' names. */
export async function findVoteRecord(db: Db, voteId: string) {
  const [vote] = await db.select().from(votes).where(eq(votes.id, voteId));
  if (!vote) return undefined;
  const ballots = await db.select({ personId: voteBallots.personId, choice: voteBallots.choice, name: people.name }).from(voteBallots).innerJoin(people, eq(people.id, voteBallots.personId)).where(eq(voteBallots.voteId, voteId));
  return { vote, ballots };
}

/** The id of the vote recorded last on an item. */
export async function findLatestVoteIdOfItem(tx: Db, itemId: string): Promise<string | null> {
  const [row] = await tx.select({ id: votes.id }).from(votes).where(eq(votes.itemId, itemId)).orderBy(desc(votes.createdAt)).limit(1);
  return row?.id ?? null;
}

// ---- motions and reservations entered from the member's device

/** The motions of an item in the order moved; of one person only when given. */
export async function listMotionsOfItem(db: Db, itemId: string, personId?: string) {
  const where = personId ? and(eq(motions.itemId, itemId), eq(motions.personId, personId)) : eq(motions.itemId, itemId);
  return db.select().from(motions).where(where).orderBy(asc(motions.position));
}

export async function hasReservation(tx: Db, itemId: string, personId: string): Promise<boolean> {
  const [row] = await tx.select({ id: reservations.id }).from(reservations).where(and(eq(reservations.itemId, itemId), eq(reservations.personId, personId)));
  return row !== undefined;
}

export async function insertReservation(tx: Db, values: typeof reservations.$inferInsert) {
  return insertOne(tx.insert(reservations).values(values).returning());
}

/** Reservations on an item in the order announced. */
export async function listReservationsOfItem(db: Db, itemId: string) {
  return db.select().from(reservations).where(eq(reservations.itemId, itemId)).orderBy(asc(reservations.announcedAt));
}

export async function listReservationsOfPerson(db: Db, itemIds: string[], personId: string) {
  if (itemIds.length === 0) return [];
  return db.select().from(reservations).where(and(inArray(reservations.itemId, itemIds), eq(reservations.personId, personId)));
}
