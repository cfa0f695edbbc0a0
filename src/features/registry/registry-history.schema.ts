import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../platform/db/schema.js';

/**
 * A correction to a case's or a document's registered details while the case is open: who
 * changed which field, from what, to what, and when. Append-only (a trigger refuses changes).
 */
export const registryChanges = pgTable(
  'registry_changes',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    entity: text('entity', { enum: ['case', 'document'] }).notNull(),
    entityId: uuid('entity_id').notNull(),
    field: text('field').notNull(),
    before: text('before'),
    after: text('after'),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('registry_changes_entity_idx').on(t.entity, t.entityId, t.changedAt)],
);
