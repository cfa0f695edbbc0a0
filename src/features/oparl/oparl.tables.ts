/**
 * The oparl feature's tables: Drizzle definitions, one migration folder for both databases (drizzle/).
 * Use nothing newer than PostgreSQL 15 here.
 */
import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../../platform/db/columns.js';

/**
 * Tombstones for objects that were deleted, so that open-data readers (OParl `deleted: true`)
 * and synchronising clients learn of the deletion. `kind` is the OParl type name in lower case.
 */
export const deletedObjects = pgTable(
  'deleted_objects',
  {
    kind: text('kind').notNull(),
    objectId: uuid('object_id').notNull(),
    /** The body or organisation the object belonged to, for list filtering. */
    parentId: uuid('parent_id'),
    createdAt: instant('created_at').notNull(),
    deletedAt: instant('deleted_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.objectId] }), index('deleted_objects_deleted_idx').on(t.kind, t.deletedAt)],
);

// ---------------------------------------------------------------------------------------------
// Cooperation: joint initiatives and every member municipality's own decision at each phase.

/** What a select of each table above returns. */
export type DeletedObjectRow = typeof deletedObjects.$inferSelect;
