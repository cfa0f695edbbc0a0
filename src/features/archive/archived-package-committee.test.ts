/**
 * Migration 0018: archived packages belong to a committee. Packages imported before it are given
 * the installation's first committee (whose archive they were shown in); a package imported into an
 * installation that had no committee yet makes its archive creator one. And the command line picks
 * the only committee by itself.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { useTestDatabase } from '../../../test/support/test-app-hooks.js';
import type { Database } from '../../platform/db/database.js';
import { migrate, readMigrations } from '../../platform/db/migrate.js';
import { archivedPackages } from './archive.tables.js';
import { organisations } from '../organisation/organisation.tables.js';
import { createServices } from '../../services.js';
import { buildConfig } from '../../platform/config/config.js';
// The command table first: it imports the archive commands (which import its UsageError back).
import { UsageError } from '../../cli/command.js';
import { committeeOfCommand } from '../../cli/archive.js';

const TAG = readMigrations().find((m) => m.tag.startsWith('0018_'))?.tag ?? '';

/** The database as it was before 0018: packages without a committee. */
async function beforeMigration(database: Database): Promise<void> {
  await database.query(sql`alter table archived_packages drop column committee_id`);
  await database.query(sql`delete from kansli_migrations where tag = ${TAG}`);
}

async function insertPackage(database: Database, packageId: string, archivalCreator: string): Promise<void> {
  await database.query(sql`insert into archived_packages (package_id, label, mets) values (${packageId}, ${packageId}, ${JSON.stringify({ archivalCreator })}::jsonb)`);
}

describe('0018: archived packages belong to a committee', () => {
  const database = useTestDatabase();

  test('existing packages go to the first committee; the column is then required', async () => {
    assert.ok(TAG, 'the migration is registered');
    await beforeMigration(database);
    const db = database.db;
    const [first] = await db.insert(organisations).values({ kind: 'committee', name: 'Första nämnden', slug: 'forsta', createdAt: new Date('2020-01-01T00:00:00Z') }).returning();
    await db.insert(organisations).values({ kind: 'committee', name: 'Andra nämnden', slug: 'andra', createdAt: new Date('2024-01-01T00:00:00Z') });
    await db.insert(organisations).values({ kind: 'municipality', name: 'Tidig kommun', slug: 'tidig', createdAt: new Date('2019-01-01T00:00:00Z') });
    for (const id of ['uuid-a', 'uuid-b']) await insertPackage(database, id, 'Första nämnden');
    assert.deepEqual(await migrate(database), [TAG]);
    const rows = await db.select({ committeeId: archivedPackages.committeeId }).from(archivedPackages);
    assert.deepEqual(rows.map((r) => r.committeeId), [first?.id, first?.id]);
    await assert.rejects(database.query(sql`insert into archived_packages (package_id, label) values ('uuid-c', 'c')`), (e: Error) => /committee_id/.test(String(e.cause ?? e)));
  });
});

describe('0018 on an installation without any committee', () => {
  const database = useTestDatabase();

  test('a package imported before set-up makes its archive creator a committee, and belongs to it', async () => {
    await beforeMigration(database);
    await insertPackage(database, 'uuid-x', 'Gamla nämnden');
    assert.deepEqual(await migrate(database), [TAG]);
    const db = database.db;
    const committees = await db.select().from(organisations).where(eq(organisations.kind, 'committee'));
    assert.deepEqual(committees.map((c) => c.name), ['Gamla nämnden']);
    const [pkg] = await db.select().from(archivedPackages);
    assert.equal(pkg?.committeeId, committees[0]?.id);
  });

  test('the command line takes the only committee by itself, and says so when there is none', async () => {
    const services = createServices(database, buildConfig({ logLevel: 'silent' }));
    const [only] = await database.db.select().from(organisations).where(eq(organisations.kind, 'committee'));
    assert.equal((await committeeOfCommand(services, {})).id, only?.id);
    await assert.rejects(committeeOfCommand(services, { namnd: 'finns-inte' }), (e: unknown) => e instanceof UsageError && /finns-inte/.test(e.message));
    await database.db.delete(archivedPackages);
    await database.db.delete(organisations);
    await assert.rejects(committeeOfCommand(services, {}), (e: unknown) => e instanceof UsageError && /ingen nämnd|no committee/.test(e.message));
  });
});
