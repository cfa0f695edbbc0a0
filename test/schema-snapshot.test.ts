/**
 * The Drizzle schema and the migrations stay in step: drizzle-kit's snapshot of the last migration
 * describes exactly the tables that src/tables.ts declares, so `npm run db:generate` writes a new
 * migration for a changed table and nothing for an unchanged one. A schema change without its
 * migration fails here, before it fails on a server.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import * as tables from '../src/tables.js';

const META = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'drizzle', 'meta');

function lastSnapshot() {
  const journal = JSON.parse(readFileSync(path.join(META, '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  const last = journal.entries.at(-1);
  assert.ok(last, 'the migration journal has entries');
  return JSON.parse(readFileSync(path.join(META, `${String(last.idx).padStart(4, '0')}_snapshot.json`), 'utf8')) as Parameters<typeof generateMigration>[0];
}

describe('schema and migrations', () => {
  it('the last migration’s snapshot is the schema: drizzle-kit would generate no SQL', async () => {
    const snapshot = lastSnapshot();
    const statements = await generateMigration(snapshot, generateDrizzleJson(tables, snapshot.id));
    assert.deepEqual(statements, [], 'src/tables.ts differs from drizzle/meta: run npm run db:generate and review the migration');
  });

  it('fails when a table changes without a migration', async () => {
    const snapshot = lastSnapshot();
    const changed = structuredClone(snapshot) as { tables: Record<string, { columns: Record<string, unknown> }> };
    const meetings = changed.tables['public.meetings'];
    assert.ok(meetings, 'the snapshot has the meetings table');
    delete meetings.columns['place'];
    const statements = await generateMigration(changed as typeof snapshot, generateDrizzleJson(tables, snapshot.id));
    assert.ok(statements.some((s) => s.includes('"place"')), statements.join('\n'));
  });
});
