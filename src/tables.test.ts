/**
 * The tables in code and in the database are the same: every feature's `*.tables.ts` is listed in
 * src/tables.ts, and each table the migrations make has a Drizzle definition with the same columns.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { is, sql } from 'drizzle-orm';
import * as tables from './tables.js';
import { useTestDatabase } from '../test/support/test-app-hooks.js';

const SRC = path.dirname(fileURLToPath(import.meta.url));

describe('the tables of every feature', () => {
  const database = useTestDatabase();

  it('src/tables.ts lists every *.tables.ts file', async () => {
    const entries = await readdir(SRC, { withFileTypes: true, recursive: true });
    const files = entries.filter((e) => e.isFile() && e.name.endsWith('.tables.ts')).map((e) => path.relative(SRC, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    assert.ok(files.length > 10, 'the features have tables files');
    const listed = await readFile(path.join(SRC, 'tables.ts'), 'utf8');
    assert.deepEqual(
      files.filter((f) => !listed.includes(`'./${f.replace(/\.ts$/, '.js')}'`)),
      [],
      'src/tables.ts exports every tables file',
    );
  });

  it('defines each table of the migrated database with the same columns, and no other', async () => {
    const defined = new Map<string, string[]>();
    for (const value of Object.values(tables) as unknown[]) {
      if (!is(value, PgTable)) continue;
      const config = getTableConfig(value);
      assert.ok(!defined.has(config.name), `${config.name} is defined once`);
      defined.set(config.name, config.columns.map((c) => c.name).sort());
    }
    const rows = await database.query<{ name: string; columns: string[] }>(
      sql`select c.relname as name, (select json_agg(a.attname order by a.attname) from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns
        from pg_class c where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r' and c.relname <> 'kansli_migrations'`,
    );
    const migrated = new Map(rows.map((r) => [r.name, [...r.columns].sort()]));
    assert.deepEqual([...defined.keys()].sort(), [...migrated.keys()].sort(), 'the same tables');
    for (const [name, columns] of migrated) assert.deepEqual(defined.get(name), columns, `the columns of ${name}`);
  });
});
