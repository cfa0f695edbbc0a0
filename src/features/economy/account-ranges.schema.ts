/** Drizzle table of the economy feature: account mappings remembered for a whole range of accounts. */
import { boolean, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../platform/db/schema.js';

/**
 * A mapping for every account from `accountFrom` to `accountTo` (inclusive, same length, compared
 * as text): "5400–5499 → GF". An account's own mapping (account_mappings) wins over a range; of
 * two ranges the narrower wins. Empty cost centre: any cost centre.
 */
export const accountRangeMappings = pgTable(
  'account_range_mappings',
  {
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => organisations.id),
    accountFrom: text('account_from').notNull(),
    accountTo: text('account_to').notNull(),
    costCentre: text('cost_centre').notNull().default(''),
    /** The cost object's code (codes persist across years); empty when `ignore`. */
    costObjectCode: text('cost_object_code').notNull().default(''),
    ignore: boolean('ignore').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'account_range_mappings_pk', columns: [t.committeeId, t.accountFrom, t.accountTo, t.costCentre] })],
);
