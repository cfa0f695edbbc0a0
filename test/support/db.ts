import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { fromPgliteClient, openPostgres, PGLITE_START_PARAMS, type Database } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { swedishDate } from '../../src/platform/time-format.js';

/** Which database the tests run on: PGlite always, PostgreSQL when the runner says so. */
export const TEST_DB_KIND: 'pglite' | 'postgres' = process.env.KANSLI_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/**
 * A migrated PGlite database as an uncompressed tar of its folder, for `loadDataDir`. PostgreSQL's
 * template databases (template0, template1) are dropped first: the app never creates a database,
 * and without them a copy has a third less to write (30 instead of 45 MB; a test database starts
 * in 0.35 s instead of 0.85 s, docs/PERFORMANCE.md "Session 13").
 */
export async function makePgliteTemplate(prepare: (database: Database) => Promise<unknown> = migrate): Promise<Uint8Array> {
  const client = await PGlite.create({ startParams: PGLITE_START_PARAMS });
  try {
    await prepare(fromPgliteClient(client));
    await client.exec(`update pg_database set datistemplate = false where datname in ('template0', 'template1')`);
    await client.exec('drop database template0');
    await client.exec('drop database template1');
    await client.exec('checkpoint');
    return new Uint8Array(await (await client.dumpDataDir('none')).arrayBuffer());
  } finally {
    await client.close();
  }
}

/**
 * The tar as PGlite reads it: PGlite asks only for the bytes (`arrayBuffer()`) and the type. A
 * real Blob of 30 MB took Node 20 a fifth of a second to read back each time; these bytes are
 * read once per process and shared, since PGlite copies every file out of them.
 */
function tarOf(bytes: ArrayBuffer): Blob {
  const tar: Pick<Blob, 'type' | 'arrayBuffer'> = { type: 'application/x-tar', arrayBuffer: async () => bytes };
  return tar as Blob;
}

let pgliteTemplate: Promise<ArrayBuffer> | undefined;

/** The migrated template: made once per run by the runner, or once per process when a file runs alone. */
function loadPgliteTemplate(): Promise<ArrayBuffer> {
  pgliteTemplate ??= (async () => {
    const file = process.env.KANSLI_TEST_PGLITE_TEMPLATE;
    const bytes = file && existsSync(file) ? readFileSync(file) : await makePgliteTemplate();
    // A copy of its own: a small file's Buffer may be a view of a shared pool.
    return new Uint8Array(bytes).buffer;
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

async function copyPostgresDatabase(client: pg.Client, template: string, name: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await client.query(`create database ${name} template ${template}`);
      return;
    } catch (error) {
      // Two copies of one template at the same instant: PostgreSQL asks us to retry.
      if (attempt > 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
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
export async function createPostgresDatabase(template = process.env.KANSLI_TEST_PG_TEMPLATE): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `kansli_t_${randomBytes(6).toString('hex')}`;
  await withAdmin(async (client) => {
    if (template) await copyPostgresDatabase(client, template, name);
    else await client.query(`create database ${name}`);
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
  return TEST_DB_KIND === 'postgres' ? openCopy(process.env.KANSLI_TEST_PG_TEMPLATE) : createPgliteDatabase();
}

/** A PostgreSQL database copied from `template` (or made and migrated), dropped on close. */
async function openCopy(template: string | undefined): Promise<Database> {
  const created = await createPostgresDatabase(template);
  const database = openPostgres(created.url, { max: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await created.drop();
    },
  };
}

/** A migrated, empty PGlite database whatever the kind under test (a backup crosses from one to the other). */
export async function createPgliteDatabase(): Promise<Database> {
  return fromPgliteClient(await pgliteFrom(await loadPgliteTemplate()));
}

function pgliteFrom(tar: ArrayBuffer): Promise<PGlite> {
  return PGlite.create({ loadDataDir: tarOf(tar), startParams: PGLITE_START_PARAMS });
}

const demoTemplates = new Map<string, Promise<ArrayBuffer>>();

/**
 * A database holding the demo committee, for a test that reads the demo rather than tests its
 * loading. The first such test of a run (per kind of database) loads the demo into its own
 * database with `load` and keeps a copy of it as the run's demo template; the later ones start
 * from that copy (0.4 s instead of 4–5 s). The demo's dates follow today's, so the template's name
 * holds the day it was loaded on, and a run that crosses midnight loads it anew. Without the
 * runner (a file run alone) every test loads its own.
 */
export async function createDemoTestDatabase(load: (database: Database) => Promise<void>): Promise<Database> {
  const day = swedishDate(new Date()).replaceAll('-', '');
  if (TEST_DB_KIND === 'postgres') {
    const base = process.env.KANSLI_TEST_PG_TEMPLATE;
    if (!base) return loaded(await createTestDatabase(), load);
    const template = `${base}_demo_${day}`;
    await withAdmin(async (client) => {
      // The first test to get here loads the demo; one that arrives meanwhile waits for the template.
      await client.query('select pg_advisory_lock(hashtext($1))', [template]);
      try {
        if ((await client.query('select 1 from pg_database where datname = $1', [template])).rowCount) return;
        await copyPostgresDatabase(client, base, template);
        const database = openPostgres(urlForDatabase(template), { max: 4 });
        try {
          await load(database);
        } catch (error) {
          await database.close();
          await client.query(`drop database if exists ${template} with (force)`);
          throw error;
        }
        await database.close();
      } finally {
        await client.query('select pg_advisory_unlock(hashtext($1))', [template]);
      }
    });
    return openCopy(template);
  }
  const work = process.env.KANSLI_TEST_WORK;
  if (!work) return loaded(await createPgliteDatabase(), load);
  const file = path.join(work, `demo-${day}.tar`);
  const kept = demoTemplates.get(file) ?? (existsSync(file) ? Promise.resolve(new Uint8Array(readFileSync(file)).buffer) : undefined);
  if (kept) {
    demoTemplates.set(file, kept);
    return fromPgliteClient(await pgliteFrom(await kept));
  }
  const client = await pgliteFrom(await loadPgliteTemplate());
  const database = await loaded(fromPgliteClient(client), load);
  // One process writes the template (the lock file is never removed during the run); a test that
  // finds the demo not yet kept loads its own rather than wait.
  try {
    writeFileSync(`${file}.lock`, '', { flag: 'wx' });
  } catch {
    return database;
  }
  await client.exec('checkpoint');
  writeFileSync(`${file}.part`, new Uint8Array(await (await client.dumpDataDir('none')).arrayBuffer()));
  renameSync(`${file}.part`, file);
  return database;
}

async function loaded(database: Database, load: (database: Database) => Promise<void>): Promise<Database> {
  try {
    await load(database);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}
