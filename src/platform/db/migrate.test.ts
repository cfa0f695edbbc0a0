import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/db.js';
import { migrate, MigrationError, readMigrations } from './migrate.js';

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kansli-mig-'));
  mkdirSync(path.join(dir, 'meta'));
  writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ entries: Object.keys(files).map((tag) => ({ tag })) }));
  for (const [tag, text] of Object.entries(files)) writeFileSync(path.join(dir, `${tag}.sql`), text);
  return dir;
}

test('the project migrations are all applied to a new database, and a second run applies nothing', async () => {
  const database = await createTestDatabase();
  try {
    const tags = readMigrations().map((m) => m.tag);
    const rows = await database.query<{ tag: string }>(sql`select tag from kansli_migrations order by tag`);
    assert.deepEqual(rows.map((r) => r.tag), tags);
    assert.deepEqual(await migrate(database), []);
  } finally {
    await database.close();
  }
});

test('a failing migration leaves the database as it was and says which one failed', async () => {
  const database = await createTestDatabase();
  try {
    const dir = migrationsDir({
      '9000_good': 'create table mig_a (id int);\n--> statement-breakpoint\ninsert into mig_a values (1);',
      '9001_bad': 'create table mig_b (id int);\n--> statement-breakpoint\nselect * from no_such_table;',
    });
    await assert.rejects(migrate(database, dir), (error: unknown) => error instanceof MigrationError && error.tag === '9001_bad' && /databasen är oförändrad/.test(error.message));
    const tables = await database.query<{ n: number }>(sql`select count(*)::int as n from information_schema.tables where table_name in ('mig_a', 'mig_b')`);
    assert.equal(tables[0]?.n, 0, 'not even the good migration before it is kept');
    const applied = await database.query<{ tag: string }>(sql`select tag from kansli_migrations where tag like '9%'`);
    assert.equal(applied.length, 0);
  } finally {
    await database.close();
  }
});
