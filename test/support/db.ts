import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { fromPgliteClient, openPostgres, PGLITE_START_PARAMS, type Database } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';

/** Which database the tests run on: PGlite always, PostgreSQL when the runner says so. */
export const TEST_DB_KIND: 'pglite' | 'postgres' = process.env.KANSLI_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

let pgliteTemplate: Promise<Blob> | undefined;

/** The migrated template: made once per run by the runner, or once per process when a file runs alone. */
function loadPgliteTemplate(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const file = process.env.KANSLI_TEST_PGLITE_TEMPLATE;
    if (file && existsSync(file)) return new Blob([readFileSync(file)]);
    const db = await PGlite.create({ startParams: PGLITE_START_PARAMS });
    const database = fromPgliteClient(db);
    await migrate(database);
    const dump = await db.dumpDataDir('gzip');
    await db.close();
    return dump;
  })();
  return pgliteTemplate;
}

export function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}

export function urlForDatabase(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh PostgreSQL database copied from the run's migrated template; dropped on close. */
export async function createPostgresDatabase(): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const template = process.env.KANSLI_TEST_PG_TEMPLATE;
  const name = `kansli_t_${randomBytes(6).toString('hex')}`;
  await withAdmin(async (client) => {
    if (template) {
      for (let attempt = 0; ; attempt += 1) {
        try {
          await client.query(`create database ${name} template ${template}`);
          break;
        } catch (error) {
          // Two copies of one template at the same instant: PostgreSQL asks us to retry.
          if (attempt > 20 || !/being accessed by other users/.test(String(error))) throw error;
          await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
        }
      }
    } else {
      await client.query(`create database ${name}`);
    }
  });
  const url = urlForDatabase(name);
  if (!template) {
    const database = openPostgres(url, { max: 1 });
    await migrate(database);
    await database.close();
  }
  return {
    name,
    url,
    drop: () => withAdmin(async (client) => void (await client.query(`drop database if exists ${name} with (force)`))),
  };
}

/** A migrated, empty database of the kind under test, private to the caller. */
export async function createTestDatabase(): Promise<Database> {
  if (TEST_DB_KIND === 'postgres') {
    const created = await createPostgresDatabase();
    const database = openPostgres(created.url, { max: 4 });
    return {
      ...database,
      close: async () => {
        await database.close();
        await created.drop();
      },
    };
  }
  return createPgliteDatabase();
}

/** A migrated, empty PGlite database whatever the kind under test (a backup crosses from one to the other). */
export async function createPgliteDatabase(): Promise<Database> {
  const client = await PGlite.create({ loadDataDir: await loadPgliteTemplate(), startParams: PGLITE_START_PARAMS });
  return fromPgliteClient(client);
}
