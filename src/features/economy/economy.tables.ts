/**
 * The economy feature's tables: Drizzle definitions, one migration folder for both databases (drizzle/).
 * Use nothing newer than PostgreSQL 15 here.
 */
import { bigint, boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, origin, ref, updatedAt } from '../../platform/db/columns.js';
import { users } from '../auth/auth.tables.js';
import { initiatives } from '../cooperation/cooperation.tables.js';
import { organisations } from '../organisation/organisation.tables.js';

/** A cost object of a year: base funding, a management service, a shared service or a project. */
export const costObjects = pgTable(
  'cost_objects',
  {
    id: id(),
    committeeId: ref('committee_id', () => organisations.id).notNull(),
    year: integer('year').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['base_funding', 'management', 'shared_service', 'project'] }).notNull(),
    /** advance: paid in January; arrears: invoiced afterwards; supplier: invoiced by the supplier (shown, not invoiced). */
    invoicing: text('invoicing', { enum: ['advance', 'arrears', 'supplier'] }).notNull().default('advance'),
    initiativeId: ref('initiative_id', () => initiatives.id),
    /** The allocation key as data (equal, population of a year, mixed, fixed amounts, participants). */
    allocationKey: jsonb('allocation_key').$type<Record<string, unknown>>().notNull().default({ kind: 'equal' }),
    /** Budget in whole kronor. */
    budgetIncome: bigint('budget_income', { mode: 'number' }).notNull().default(0),
    budgetCost: bigint('budget_cost', { mode: 'number' }).notNull().default(0),
    forecastIncome: bigint('forecast_income', { mode: 'number' }),
    forecastCost: bigint('forecast_cost', { mode: 'number' }),
    /** Surplus (+) or deficit (-) carried over from the previous year. */
    carriedOver: bigint('carried_over', { mode: 'number' }).notNull().default(0),
    comment: text('comment').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    origin: origin(),
  },
  (t) => [uniqueIndex('cost_objects_code_key').on(t.committeeId, t.year, t.code)],
);
/** SKR's PKV reading (October) used to index the next year's amounts. */
export const pkvReadings = pgTable(
  'pkv_readings',
  {
    committeeId: ref('committee_id', () => organisations.id).notNull(),
    /** The year the reading indexes (the reading of October 2022 indexes 2023). */
    year: integer('year').notNull(),
    readOn: date('read_on').notNull(),
    pkvPercent: numeric('pkv_percent', { precision: 6, scale: 2 }).notNull(),
    source: text('source').notNull().default(''),
    createdAt: createdAt(),
    origin: origin(),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.year] })],
);
/** One import (or manual entry) of outcome from the host's ledger. */
export const outcomeImports = pgTable('outcome_imports', {
  id: id(),
  committeeId: ref('committee_id', () => organisations.id).notNull(),
  year: integer('year').notNull(),
  format: text('format', { enum: ['sie4', 'csv', 'manual'] }).notNull(),
  fileName: text('file_name').notNull().default(''),
  fileSha256: text('file_sha256'),
  encoding: text('encoding'),
  /** The outcome is up to and including this date. */
  periodTo: date('period_to').notNull(),
  /** What was read: counts, totals, unmapped rows (for the record). */
  summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
  importedByUserId: ref('imported_by_user_id', () => users.id),
  createdAt: createdAt(),
});
/** Outcome per cost object, account and cost centre, in öre (signed as in the ledger). */
export const outcomeEntries = pgTable(
  'outcome_entries',
  {
    id: id(),
    importId: ref('import_id', () => outcomeImports.id).notNull(),
    costObjectId: ref('cost_object_id', () => costObjects.id).notNull(),
    kind: text('kind', { enum: ['income', 'cost'] }).notNull(),
    account: text('account').notNull().default(''),
    costCentre: text('cost_centre').notNull().default(''),
    amountOre: bigint('amount_ore', { mode: 'number' }).notNull(),
  },
  (t) => [index('outcome_entries_import_idx').on(t.importId), index('outcome_entries_object_idx').on(t.costObjectId)],
);
/** How ledger accounts (and optionally cost centres) map to cost objects; remembered across imports. */
export const accountMappings = pgTable(
  'account_mappings',
  {
    committeeId: ref('committee_id', () => organisations.id).notNull(),
    account: text('account').notNull(),
    /** Empty: any cost centre. */
    costCentre: text('cost_centre').notNull().default(''),
    /** The cost object's code (codes persist across years); empty with `ignore`. */
    costObjectCode: text('cost_object_code').notNull().default(''),
    kind: text('kind', { enum: ['income', 'cost', 'ignore'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.account, t.costCentre] })],
);
/** A comment on a cost object's deviation in the report for a date. */
export const outcomeComments = pgTable(
  'outcome_comments',
  {
    costObjectId: ref('cost_object_id', () => costObjects.id).notNull(),
    periodTo: date('period_to').notNull(),
    comment: text('comment').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.costObjectId, t.periodTo] })],
);

// ---------------------------------------------------------------------------------------------
// Planning and follow-up: business plan, goals and indicators, internal control, checklists, portfolio.

/**
 * A mapping for every account from `accountFrom` to `accountTo` (inclusive, same length, compared
 * as text): "5400–5499 → GF". An account's own mapping (account_mappings) wins over a range; of
 * two ranges the narrower wins. Empty cost centre: any cost centre.
 */
export const accountRangeMappings = pgTable(
  'account_range_mappings',
  {
    committeeId: ref('committee_id', () => organisations.id).notNull(),
    accountFrom: text('account_from').notNull(),
    accountTo: text('account_to').notNull(),
    costCentre: text('cost_centre').notNull().default(''),
    /** The cost object's code (codes persist across years); empty when `ignore`. */
    costObjectCode: text('cost_object_code').notNull().default(''),
    ignore: boolean('ignore').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: 'account_range_mappings_pk', columns: [t.committeeId, t.accountFrom, t.accountTo, t.costCentre] })],
);

/** What a select of each table above returns. */
export type CostObjectRow = typeof costObjects.$inferSelect;
export type PkvReadingRow = typeof pkvReadings.$inferSelect;
export type OutcomeImportRow = typeof outcomeImports.$inferSelect;
export type OutcomeEntryRow = typeof outcomeEntries.$inferSelect;
export type AccountMappingRow = typeof accountMappings.$inferSelect;
export type OutcomeCommentRow = typeof outcomeComments.$inferSelect;
export type AccountRangeMappingRow = typeof accountRangeMappings.$inferSelect;
