/**
 * SQL of deciding items at the meeting beyond the proceedings repository: reservations, undoing a
 * decision, whether justering has closed reservations, and tabling (bordläggning).
 */
import { and, asc, desc, eq, gt, inArray, isNull, lt, max, ne } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { insertOne } from '../../../platform/db/insert-one.js';
import { protocolParagraphs, protocols, protocolSignatures } from '../../protocols/protocols.tables.js';
import { agendaItemDocuments, agendaItems, meetings, motions, propositions, reservations, voteBallots, votes, type AgendaItemRow } from '../meetings.tables.js';
import { firstRow } from '../../../platform/db/first-row.js';

// ---- reservations

export async function findReservation(tx: Db, id: string) {
  return firstRow(tx.select().from(reservations).where(eq(reservations.id, id)));
}

export async function findReservationOf(tx: Db, itemId: string, personId: string) {
  return firstRow(tx.select().from(reservations).where(and(eq(reservations.itemId, itemId), eq(reservations.personId, personId))));
}

export async function insertReservation(tx: Db, values: Omit<typeof reservations.$inferInsert, 'id'>) {
  return insertOne(tx.insert(reservations).values(values).returning());
}

export async function setReservationReason(tx: Db, id: string, reason: string, now: Date): Promise<void> {
  await tx.update(reservations).set({ reason, reasonSubmittedAt: now }).where(eq(reservations.id, id));
}

/** Whether the meeting's protocol is locked or final, or the item's paragraph has a signature. */
export async function isJusteringUnderway(tx: Db, item: Pick<AgendaItemRow, 'id' | 'meetingId'>): Promise<boolean> {
  const [locked] = await tx
    .select({ id: protocols.id })
    .from(protocols)
    .where(and(eq(protocols.meetingId, item.meetingId), inArray(protocols.status, ['locked', 'final'])));
  if (locked) return true;
  const [signed] = await tx
    .select({ id: protocolSignatures.id })
    .from(protocolSignatures)
    .innerJoin(protocolParagraphs, eq(protocolParagraphs.id, protocolSignatures.paragraphId))
    .where(eq(protocolParagraphs.agendaItemId, item.id))
    .limit(1);
  return signed !== undefined;
}

// ---- undoing a decision

/** A motion of the item, if it is one. */
export async function findMotionOfItem(tx: Db, motionId: string, itemId: string) {
  return firstRow(tx.select().from(motions).where(and(eq(motions.id, motionId), eq(motions.itemId, itemId))));
}

/** The record a decision leaves on an item: its votes (not tabling votes) with ballots, the last proposition, the reservations. */
export async function loadDecisionRecord(tx: Db, itemId: string, options: { withProposition: boolean }) {
  const undoneVotes = await tx.select().from(votes).where(and(eq(votes.itemId, itemId), ne(votes.kind, 'tabling')));
  const ballots = undoneVotes.length === 0 ? [] : await tx.select().from(voteBallots).where(inArray(voteBallots.voteId, undoneVotes.map((v) => v.id)));
  const [lastProposition] = options.withProposition ? await tx.select().from(propositions).where(eq(propositions.itemId, itemId)).orderBy(desc(propositions.position)).limit(1) : [];
  const undoneReservations = await tx.select().from(reservations).where(eq(reservations.itemId, itemId));
  return { votes: undoneVotes, ballots, lastProposition, reservations: undoneReservations };
}

export async function deleteDecisionRecord(tx: Db, itemId: string, record: { voteIds: string[]; propositionId: string | null; reservations: boolean }): Promise<void> {
  if (record.voteIds.length > 0) await tx.delete(votes).where(inArray(votes.id, record.voteIds));
  if (record.propositionId) await tx.delete(propositions).where(eq(propositions.id, record.propositionId));
  if (record.reservations) await tx.delete(reservations).where(eq(reservations.itemId, itemId));
}

// ---- tabling

/** The body's next planned ordinary meeting after the given one, locked. */
export async function lockNextOrdinaryMeeting(tx: Db, meeting: { bodyId: string; startsAt: Date }) {
  const [next] = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.bodyId, meeting.bodyId), eq(meetings.kind, 'meeting'), eq(meetings.status, 'planned'), gt(meetings.startsAt, meeting.startsAt)))
    .orderBy(asc(meetings.startsAt))
    .limit(1)
    .for('update');
  return next;
}

/** Appends an item at the end of the meeting's agenda with the basis (documents) of another; returns its id. */
export async function appendItemWithBasis(tx: Db, meetingId: string, values: Omit<typeof agendaItems.$inferInsert, 'id' | 'meetingId' | 'position'>, basisOfItemId: string): Promise<string> {
  const [last] = await tx.select({ position: max(agendaItems.position) }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId));
  const copy = await insertOne(tx.insert(agendaItems).values({ ...values, meetingId, position: (last?.position ?? 0) + 1 }).returning({ id: agendaItems.id }));
  const documents = await tx.select().from(agendaItemDocuments).where(eq(agendaItemDocuments.itemId, basisOfItemId)).orderBy(asc(agendaItemDocuments.position));
  if (documents.length > 0) await tx.insert(agendaItemDocuments).values(documents.map((d) => ({ itemId: copy.id, documentId: d.documentId, position: d.position })));
  return copy.id;
}

/** Items tabled to "the next ordinary meeting" at the body's meetings before the date, in the order tabled; locked. */
export async function lockWaitingTabledItems(tx: Db, bodyId: string, before: Date): Promise<AgendaItemRow[]> {
  const rows = await tx
    .select({ item: agendaItems })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(meetings.bodyId, bodyId), lt(meetings.startsAt, before), eq(agendaItems.status, 'tabled'), isNull(agendaItems.tabledToMeetingId)))
    .orderBy(asc(meetings.startsAt), asc(agendaItems.position))
    .for('update', { of: agendaItems });
  return rows.map((r) => r.item);
}

export async function insertTablingVote(tx: Db, values: Omit<typeof votes.$inferInsert, 'id'>): Promise<{ id: string }> {
  return insertOne(tx.insert(votes).values(values).returning({ id: votes.id }));
}
