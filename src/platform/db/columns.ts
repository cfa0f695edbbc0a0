/**
 * Column helpers shared by the tables of every feature (each `*.tables.ts`): ids, timestamps, bytea,
 * tsvector and the demo-origin mark.
 */
import { sql } from 'drizzle-orm';
import { customType, text, timestamp, uuid, type AnyPgColumn, type ReferenceConfig } from 'drizzle-orm/pg-core';

/** PostgreSQL bytea as a Node Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** PostgreSQL tsvector (full-text search); written only by a generated column. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A uuid column that points at another table's column (a foreign key), nullable until `.notNull()`:
 * `ref('committee_id', () => organisations.id).notNull()`.
 */
export const ref = <N extends string>(name: N, target: () => AnyPgColumn, actions?: ReferenceConfig['actions']) => uuid(name).references(target, actions);

/** A point in time as every table stores it: timestamptz with milliseconds. */
export const instant = <N extends string>(name: N) => timestamp(name, { withTimezone: true, precision: 3 });

export const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
export const createdAt = () => instant('created_at').notNull().defaultNow();
export const updatedAt = () => instant('updated_at').notNull().defaultNow();

/**
 * Where a record came from, for the demo committee's records: 'seed' (taken from the seed
 * protocol), 'demo' (invented for the demo: shown as "Exempeldata" wherever the record appears,
 * src/platform/views/example-data.tsx) or null (entered by a user). CHECK in migration 0017.
 */
export const RECORD_ORIGINS = ['seed', 'demo'] as const;
export type RecordOrigin = (typeof RECORD_ORIGINS)[number];
export const origin = () => text('origin', { enum: RECORD_ORIGINS });
