/**
 * The publication feature's tables: Drizzle definitions, one migration folder for both databases (drizzle/).
 * Use nothing newer than PostgreSQL 15 here.
 */
import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, origin, ref, updatedAt } from '../../platform/db/columns.js';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisation/organisation.tables.js';
import { protocolParagraphs, protocols } from '../protocols/protocols.tables.js';

/**
 * One notice of one final protocol on one member municipality's board. The appeal period of a
 * joint committee counts from the latest `postedOn` of all rows of the protocol (KL 13:5).
 */
export const notices = pgTable(
  'notices',
  {
    id: id(),
    protocolId: ref('protocol_id', () => protocols.id).notNull(),
    /** Set for the notice of one paragraph adjusted at the meeting (omedelbar justering, KL 8:12). */
    paragraphId: ref('paragraph_id', () => protocolParagraphs.id),
    /** The member municipality whose board carries the notice. */
    organisationId: ref('organisation_id', () => organisations.id).notNull(),
    /** When Kansli posts automatically; null with `postingMethod = 'manual'` until the registrar records it. */
    scheduledAt: instant('scheduled_at'),
    postingMethod: text('posting_method', { enum: ['automatic', 'manual'] }).notNull().default('automatic'),
    /** The day the notice was put up (the registrar's date when posted by hand). */
    postedOn: date('posted_on'),
    postedAt: instant('posted_at'),
    postedByUserId: ref('posted_by_user_id', () => users.id),
    /** Where the municipality posted it by hand (its own site), if it did. */
    externalUrl: text('external_url'),
    takenDownOn: date('taken_down_on'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('notices_protocol_org_key').on(t.protocolId, t.organisationId).where(sql`${t.paragraphId} is null`),
    uniqueIndex('notices_paragraph_org_key').on(t.paragraphId, t.organisationId).where(sql`${t.paragraphId} is not null`),
    index('notices_org_idx').on(t.organisationId, t.postedOn),
    index('notices_protocol_idx').on(t.protocolId),
  ],
);
/** A correction of a recorded posting date: the only way it changes (a trigger refuses any other), shown on the board. */
export const noticeCorrections = pgTable(
  'notice_corrections',
  {
    id: id(),
    noticeId: ref('notice_id', () => notices.id).notNull(),
    previousPostedOn: date('previous_posted_on').notNull(),
    correctedPostedOn: date('corrected_posted_on').notNull(),
    reason: text('reason').notNull(),
    correctedByUserId: ref('corrected_by_user_id', () => users.id).notNull(),
    /** The name shown on the board, as it was when the correction was made. */
    correctedByName: text('corrected_by_name').notNull(),
    correctedAt: instant('corrected_at').notNull().defaultNow(),
  },
  (t) => [index('notice_corrections_notice_idx').on(t.noticeId)],
);
/**
 * KL 8:9, 8:12, 13:5: the municipality has confirmed that Kansli's board (`kansli`) or its
 * embedding at `embedUrl` (`embedded`) is its official notice board; who confirmed and when.
 * Without this row a posting on Kansli's board is not the municipality's posting.
 */
export const officialBoardConfirmations = pgTable('official_board_confirmations', {
  municipalityId: ref('municipality_id', () => organisations.id).primaryKey(),
  kind: text('kind', { enum: ['kansli', 'embedded'] }).notNull(),
  embedUrl: text('embed_url'),
  confirmedBy: text('confirmed_by').notNull(),
  confirmedOn: date('confirmed_on').notNull(),
  recordedByUserId: ref('recorded_by_user_id', () => users.id),
  recordedAt: instant('recorded_at').notNull().defaultNow(),
  origin: origin(),
});

/** What a select of each table above returns. */
export type NoticeRow = typeof notices.$inferSelect;
export type NoticeCorrectionRow = typeof noticeCorrections.$inferSelect;
export type OfficialBoardConfirmationRow = typeof officialBoardConfirmations.$inferSelect;
