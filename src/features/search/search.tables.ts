/**
 * The search feature's tables: Drizzle definitions, one migration folder for both databases (drizzle/).
 * Use nothing newer than PostgreSQL 15 here.
 */
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tsvector } from '../../platform/db/columns.js';

/**
 * One row per searchable thing (case, document, file, protocol paragraph), kept by the services
 * in the same transaction as the thing itself. `visibility` decides who may find it.
 */
export const searchEntries = pgTable(
  'search_entries',
  {
    kind: text('kind', { enum: ['case', 'document', 'file', 'paragraph'] }).notNull(),
    refId: uuid('ref_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    year: integer('year').notNull(),
    classificationCode: text('classification_code'),
    bodyId: uuid('body_id'),
    visibility: text('visibility', { enum: ['public', 'restricted', 'internal'] }).notNull(),
    reference: text('reference').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull().default(''),
    url: text('url').notNull(),
    tsv: tsvector('tsv')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('swedish'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('swedish'::regconfig, coalesce(content, '')), 'B') || setweight(to_tsvector('swedish'::regconfig, kansli_compound_tails(coalesce(title, ''))), 'D')`,
      ),
  },
  (t) => [primaryKey({ columns: [t.kind, t.refId] }), index('search_entries_tsv_idx').using('gin', t.tsv), index('search_entries_filter_idx').on(t.visibility, t.year)],
);

// ---------------------------------------------------------------------------------------------
// Meetings (sammanträden): schedule, agenda, attendance, the handling of each item, notices.

/** What a select of each table above returns. */
export type SearchEntryRow = typeof searchEntries.$inferSelect;
