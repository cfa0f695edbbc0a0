/** SQL of the publication feature's changes: recording postings, corrections, official boards, settings, new notices. */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organisations, type OrganisationRow } from '../organisation/organisation.tables.js';
import { protocolParagraphs } from '../protocols/protocols.tables.js';
import { noticeCorrections, notices, officialBoardConfirmations, type NoticeRow, type OfficialBoardConfirmationRow } from './publication.tables.js';
import { firstRow } from '../../platform/db/first-row.js';

type NoticeInsert = typeof notices.$inferInsert;

/** A notice locked for a change of its posting (SELECT … FOR UPDATE). */
export async function lockNotice(tx: Db, id: string): Promise<NoticeRow | undefined> {
  return firstRow(tx.select().from(notices).where(eq(notices.id, id)).for('update'));
}

export async function updateNotice(tx: Db, id: string, values: Partial<Pick<NoticeInsert, 'postedOn' | 'externalUrl' | 'postedAt' | 'postedByUserId' | 'updatedAt'>>): Promise<void> {
  await tx.update(notices).set(values).where(eq(notices.id, id));
}

export async function insertNoticeCorrection(tx: Db, correction: typeof noticeCorrections.$inferInsert): Promise<void> {
  await tx.insert(noticeCorrections).values(correction);
}

/** When a paragraph was adjusted at the meeting (omedelbar justering), or null. */
export async function paragraphAdjustedAt(tx: Db, paragraphId: string): Promise<Date | null | undefined> {
  const [row] = await tx.select({ adjustedAt: protocolParagraphs.adjustedAt }).from(protocolParagraphs).where(eq(protocolParagraphs.id, paragraphId));
  return row?.adjustedAt;
}

export async function findOfficialBoard(db: Db, municipalityId: string): Promise<OfficialBoardConfirmationRow | undefined> {
  return firstRow(db.select().from(officialBoardConfirmations).where(eq(officialBoardConfirmations.municipalityId, municipalityId)));
}

/** The municipalities among `ids` that have confirmed Kansli's board (or its embedding) as their official board. */
export async function confirmedMunicipalities(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: officialBoardConfirmations.municipalityId }).from(officialBoardConfirmations).where(inArray(officialBoardConfirmations.municipalityId, [...ids]));
  return new Set(rows.map((r) => r.id));
}

/** Record a municipality's confirmation of its official board, replacing an earlier one. */
export async function upsertOfficialBoard(tx: Db, municipalityId: string, values: Omit<typeof officialBoardConfirmations.$inferInsert, 'municipalityId'>): Promise<void> {
  await tx.insert(officialBoardConfirmations).values({ municipalityId, ...values }).onConflictDoUpdate({ target: officialBoardConfirmations.municipalityId, set: values });
}

/** A committee by its address, optionally locked for a change of its settings. */
export async function findCommitteeBySlug(db: Db, slug: string, options: { forUpdate?: boolean } = {}): Promise<OrganisationRow | undefined> {
  const query = db.select().from(organisations).where(and(eq(organisations.slug, slug), eq(organisations.kind, 'committee')));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function updateOrganisationSettings(tx: Db, id: string, settings: OrganisationRow['settings'], now: Date): Promise<void> {
  await tx.update(organisations).set({ settings, updatedAt: now }).where(eq(organisations.id, id));
}

/** The municipalities that already have a notice of the protocol's justering (or of one paragraph's). */
export async function municipalitiesWithNotice(tx: Db, target: { protocolId: string } | { paragraphId: string }): Promise<Set<string>> {
  const where = 'paragraphId' in target ? eq(notices.paragraphId, target.paragraphId) : and(eq(notices.protocolId, target.protocolId), isNull(notices.paragraphId));
  return new Set((await tx.select({ organisationId: notices.organisationId }).from(notices).where(where)).map((r) => r.organisationId));
}

/** A new notice; one that exists already (the same protocol or paragraph and municipality) is left as it is. */
export async function insertNotice(tx: Db, values: NoticeInsert): Promise<void> {
  await tx.insert(notices).values(values).onConflictDoNothing();
}
