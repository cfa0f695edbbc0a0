/**
 * SQL of the meeting itself (the secretary's live screen and the record it keeps): attendance,
 * decisions, propositions, votes and elections. Each function takes the database or the
 * transaction it runs in.
 */
import { and, asc, eq, gt, inArray, max } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { insertOne } from '../../../platform/db/insert-one.js';
import { bodies, organisations, people } from '../../organisation/organisation.tables.js';
import { agendaItems, attendanceEvents, electionBallots, electionCandidates, elections, meetings, memberReports, motions, propositions, reservations, voteBallots, votes, type MeetingRow } from '../meetings.tables.js';
import { firstRow } from '../../../platform/db/first-row.js';

// ---- the attendance model

/** The attendance record of a meeting in the order recorded. */
export async function listAttendanceEvents(db: Db, meetingId: string) {
  return db.select().from(attendanceEvents).where(eq(attendanceEvents.meetingId, meetingId)).orderBy(asc(attendanceEvents.recordedAt));
}

/** The body's configured seats and the member municipalities of its committee. */
export async function findSeatBasis(db: Db, bodyId: string): Promise<{ configured: number | null; members: { id: string; name: string }[] } | undefined> {
  const [body] = await db.select({ seats: bodies.seats, committeeId: bodies.organisationId }).from(bodies).where(eq(bodies.id, bodyId));
  if (!body) return undefined;
  const members = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(and(eq(organisations.committeeId, body.committeeId), eq(organisations.kind, 'municipality')));
  return { configured: body.seats, members };
}

/** Names of persons by id. */
export async function listPersonNames(db: Db, ids: string[]): Promise<{ id: string; name: string }[]> {
  return ids.length === 0 ? [] : db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ids));
}

// ---- the meeting row and the attendance record

export async function updateMeeting(tx: Db, id: string, change: Partial<typeof meetings.$inferInsert>): Promise<void> {
  await tx.update(meetings).set(change).where(eq(meetings.id, id));
}

export async function insertAttendanceEvent(tx: Db, values: Omit<typeof attendanceEvents.$inferInsert, 'id'>) {
  return insertOne(tx.insert(attendanceEvents).values(values).returning());
}

export async function insertAttendanceEvents(tx: Db, values: Omit<typeof attendanceEvents.$inferInsert, 'id'>[]): Promise<void> {
  if (values.length > 0) await tx.insert(attendanceEvents).values(values);
}

export async function deleteAttendanceEvent(tx: Db, id: string): Promise<void> {
  await tx.delete(attendanceEvents).where(eq(attendanceEvents.id, id));
}

// ---- motions (yrkanden)

export async function findMotion(tx: Db, id: string) {
  return firstRow(tx.select().from(motions).where(eq(motions.id, id)));
}

export async function insertMotion(tx: Db, values: Omit<typeof motions.$inferInsert, 'id'>) {
  return insertOne(tx.insert(motions).values(values).returning());
}

export async function withdrawMotion(tx: Db, id: string): Promise<void> {
  await tx.update(motions).set({ withdrawn: true }).where(eq(motions.id, id));
}

export async function deleteMotion(tx: Db, id: string): Promise<void> {
  await tx.delete(motions).where(eq(motions.id, id));
}

// ---- decisions

/** The next position of a motion or proposition on an item. */
export async function nextPosition(tx: Db, table: typeof motions | typeof propositions, itemId: string): Promise<number> {
  const [row] = await tx.select({ last: max(table.position) }).from(table).where(eq(table.itemId, itemId));
  return (row?.last ?? 0) + 1;
}

export async function insertProposition(tx: Db, values: Omit<typeof propositions.$inferInsert, 'id'>) {
  return insertOne(tx.insert(propositions).values(values).returning());
}

export async function updateItem(tx: Db, id: string, change: Partial<typeof agendaItems.$inferInsert>): Promise<void> {
  await tx.update(agendaItems).set(change).where(eq(agendaItems.id, id));
}

/** A vote with each ballot (municipality noted) in one go. */
export async function insertVoteRecord(tx: Db, values: Omit<typeof votes.$inferInsert, 'id'>, ballots: Omit<typeof voteBallots.$inferInsert, 'voteId'>[]) {
  const vote = await insertOne(tx.insert(votes).values(values).returning());
  if (ballots.length > 0) await tx.insert(voteBallots).values(ballots.map((b) => ({ ...b, voteId: vote.id })));
  return vote;
}

/** An election with each candidate's count (in ballot order) and, in an open election, each ballot. */
export async function insertElectionRecord(
  tx: Db,
  values: Omit<typeof elections.$inferInsert, 'id'>,
  counts: { name: string; votes: number }[],
  ballots: Omit<typeof electionBallots.$inferInsert, 'electionId'>[] = [],
) {
  const record = await insertOne(tx.insert(elections).values(values).returning());
  await tx.insert(electionCandidates).values(counts.map((c, i) => ({ electionId: record.id, position: i + 1, name: c.name, votes: c.votes })));
  if (ballots.length > 0) await tx.insert(electionBallots).values(ballots.map((b) => ({ ...b, electionId: record.id })));
  return record;
}

// ---- reading the record

/** The elections held on the items with their candidates, ballots and the voters' names and towns. */
export async function loadElections(db: Db, itemIds: readonly string[]) {
  const rows = itemIds.length === 0 ? [] : await db.select().from(elections).where(inArray(elections.itemId, [...itemIds])).orderBy(asc(elections.createdAt));
  if (rows.length === 0) return { rows, candidateRows: [], ballotRows: [], persons: [], towns: new Map<string, string>() };
  const ids = rows.map((r) => r.id);
  const candidateRows = await db.select().from(electionCandidates).where(inArray(electionCandidates.electionId, ids)).orderBy(asc(electionCandidates.position));
  const ballotRows = await db.select().from(electionBallots).where(inArray(electionBallots.electionId, ids));
  const personIds = [...new Set(ballotRows.map((b) => b.personId))];
  const persons = personIds.length === 0 ? [] : await db.select({ id: people.id, name: people.name, organisationId: people.organisationId }).from(people).where(inArray(people.id, personIds));
  const townIds = [...new Set([...ballotRows.map((b) => b.municipalityId), ...persons.map((p) => p.organisationId)].filter((id): id is string => id !== null))];
  const towns = new Map(
    townIds.length === 0 ? [] : (await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, townIds))).map((o) => [o.id, o.name]),
  );
  return { rows, candidateRows, ballotRows, persons, towns };
}

/** Motions, propositions, votes with their ballots, and reservations of the items. */
export async function loadHandling(db: Db, itemIds: string[]) {
  if (itemIds.length === 0) return { motionRows: [], propositionRows: [], voteRows: [], ballotRows: [], reservationRows: [] };
  const [motionRows, propositionRows, voteRows, reservationRows] = await Promise.all([
    db.select().from(motions).where(inArray(motions.itemId, itemIds)).orderBy(asc(motions.position)),
    db.select().from(propositions).where(inArray(propositions.itemId, itemIds)).orderBy(asc(propositions.position)),
    db.select().from(votes).where(inArray(votes.itemId, itemIds)).orderBy(asc(votes.createdAt)),
    db.select().from(reservations).where(inArray(reservations.itemId, itemIds)).orderBy(asc(reservations.announcedAt)),
  ]);
  const voteIds = voteRows.map((v) => v.id);
  const ballotRows = voteIds.length === 0 ? [] : await db.select().from(voteBallots).where(inArray(voteBallots.voteId, voteIds));
  return { motionRows, propositionRows, voteRows, ballotRows, reservationRows };
}

/** When the meetings start, by id. */
export async function listMeetingStarts(db: Db, ids: string[]): Promise<{ id: string; startsAt: Date }[]> {
  return ids.length === 0 ? [] : db.select({ id: meetings.id, startsAt: meetings.startsAt }).from(meetings).where(inArray(meetings.id, ids));
}

/** The planned meetings of the body after this one, first first: where an item may be tabled to. */
export async function listLaterPlannedMeetings(db: Db, meeting: Pick<MeetingRow, 'bodyId' | 'startsAt'>): Promise<{ id: string; startsAt: Date }[]> {
  return db
    .select({ id: meetings.id, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.bodyId, meeting.bodyId), eq(meetings.status, 'planned'), gt(meetings.startsAt, meeting.startsAt)))
    .orderBy(asc(meetings.startsAt));
}

/** Absence and jäv reported by members for the meeting. */
export async function listMemberReports(db: Db, meetingId: string) {
  return db.select().from(memberReports).where(eq(memberReports.meetingId, meetingId));
}
