/** Reads that build a protocol from its meeting: the recorded facts, names and references. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { meetings, motions, propositions, reservations, voteBallots, votes } from '../meetings/meetings.tables.js';
import { bodies, organisations, people } from '../organisation/organisation.tables.js';
import { cases, documents } from '../registry/registry.tables.js';
import { firstRow } from '../../platform/db/first-row.js';

export async function listPeopleNames(db: Db, ids: string[]): Promise<{ id: string; name: string; organisationId: string | null }[]> {
  return db.select({ id: people.id, name: people.name, organisationId: people.organisationId }).from(people).where(inArray(people.id, ids));
}

export async function listOrganisationNames(db: Db, ids: string[]): Promise<{ id: string; name: string }[]> {
  return db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids));
}

/** The motions, propositions, votes with their ballots and reservations of the items. */
export async function listItemRecords(db: Db, itemIds: string[]) {
  const motionRows = await db.select().from(motions).where(inArray(motions.itemId, itemIds)).orderBy(asc(motions.position));
  const propositionRows = await db.select().from(propositions).where(inArray(propositions.itemId, itemIds)).orderBy(asc(propositions.position));
  const voteRows = await db.select().from(votes).where(inArray(votes.itemId, itemIds)).orderBy(asc(votes.createdAt));
  const reservationRows = await db.select().from(reservations).where(inArray(reservations.itemId, itemIds)).orderBy(asc(reservations.announcedAt));
  const voteIds = voteRows.map((v) => v.id);
  const ballotRows = voteIds.length === 0 ? [] : await db.select().from(voteBallots).where(inArray(voteBallots.voteId, voteIds));
  return { motionRows, propositionRows, voteRows, reservationRows, ballotRows };
}

export async function findMeeting(db: Db, id: string) {
  return firstRow(db.select().from(meetings).where(eq(meetings.id, id)));
}

export async function findBody(db: Db, id: string) {
  return firstRow(db.select().from(bodies).where(eq(bodies.id, id)));
}

/** The committee's name and settings, and the name of its host municipality. */
export async function findCommitteeWithHost(db: Db, committeeId: string) {
  const [organisation] = await db.select({ name: organisations.name, settings: organisations.settings }).from(organisations).where(eq(organisations.id, committeeId));
  const [host] = await db.select({ name: organisations.name }).from(organisations).where(and(eq(organisations.committeeId, committeeId), eq(organisations.isHost, true)));
  return { organisation, host };
}

export async function listDocumentNumbers(db: Db, ids: string[]): Promise<{ id: string; year: number; number: number }[]> {
  if (ids.length === 0) return [];
  return db.select({ id: documents.id, year: documents.year, number: documents.number }).from(documents).where(inArray(documents.id, ids));
}

export async function listCases(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(cases).where(inArray(cases.id, ids));
}

export async function listDocuments(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(documents).where(inArray(documents.id, ids));
}

export async function listMeetingDates(db: Db, ids: string[]): Promise<{ id: string; startsAt: Date }[]> {
  if (ids.length === 0) return [];
  return db.select({ id: meetings.id, startsAt: meetings.startsAt }).from(meetings).where(inArray(meetings.id, ids));
}
