import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { acquireDirectoryLock, type DirectoryLock } from './lock.js';

/**
 * The Drizzle database, or a transaction in it: repositories take either. Queries name their
 * tables (each feature's `*.tables.ts`), so Drizzle is given no schema of its own.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
export type DatabaseKind = 'pglite' | 'postgres';

/** One database interface: the rest of the code never knows which database runs. */
export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Db;
  /** Run a statement and return its rows (for the few places that need raw SQL). */
  query<T = Record<string, unknown>>(statement: SQL): Promise<T[]>;
  close(): Promise<void>;
}

export async function queryRows<T>(db: Db, statement: SQL): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown as { rows: T[] };
  return result.rows;
}

function wrap(kind: DatabaseKind, db: Db, close: () => Promise<void>): Database {
  return { kind, db, query: (statement) => queryRows(db, statement), close };
}

/**
 * PostgreSQL's buffer cache inside PGlite's WebAssembly memory. The default, 128 MB, made a third
 * of the server's resident memory, and PGlite zeroes it at every start: a new database took
 * 1.3 s with it and 0.65 s with 16 MB. A committee's database is tens of megabytes and the
 * operating system caches the files too (docs/PERFORMANCE.md, "Start and memory"). The tests'
 * databases start with the same parameters.
 */
export const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/** Open the embedded PGlite database in `dataDir`, holding an exclusive lock on the folder. */
export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const lock: DirectoryLock = acquireDirectoryLock(dataDir);
  try {
    const client = await PGlite.create(path.join(dataDir, 'pg'), { startParams: PGLITE_START_PARAMS });
    return fromPgliteClient(client, async () => lock.release());
  } catch (error) {
    lock.release();
    throw error;
  }
}

export function fromPgliteClient(client: PGlite, afterClose: () => Promise<void> = async () => {}): Database {
  const db = drizzlePglite({ client }) as unknown as Db;
  return wrap('pglite', db, async () => {
    await client.close();
    await afterClose();
  });
}

export function openPostgres(connectionString: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection (a database restart) must not crash the process.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool }) as unknown as Db;
  return wrap('postgres', db, () => pool.end());
}

export async function pingDatabase(database: Database): Promise<void> {
  await database.query(sql`select 1`);
}
