import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, TEST_PASSWORD, type TestContext } from './support/app.js';
import { createPgliteDatabase, createTestDatabase, TEST_DB_KIND } from './support/db.js';
import type { Services } from '../src/services.js';
import { recordAudit, verifyAuditChain, type Actor } from '../src/platform/audit/audit.js';
import { DomainError } from '../src/platform/errors.js';
import { queryRows, type Database } from '../src/platform/db/database.js';
import { bodies, organisations } from '../src/features/organisation/organisation.tables.js';
import { backupToFile, restoreFromFile } from '../src/platform/db/backup.js';

const RESTORER: Actor = { userId: null, label: 'cli' };
/** Tables the fill below puts rows in; a table left empty would prove nothing about its round trip. */
const FILLED = ['organisations', 'populations', 'bodies', 'people', 'mandates', 'users', 'role_assignments', 'sessions', 'api_tokens', 'login_attempts', 'audit_log'];

const work = mkdtempSync(path.join(tmpdir(), 'kansli-backup-'));
after(() => rmSync(work, { recursive: true, force: true }));
let fileCounter = 0;
const tempFile = () => path.join(work, `backup-${(fileCounter += 1)}.jsonl.gz`);

/** An installation with a row in every table, through the services where there is one. */
async function fillInstallation(services: Services): Promise<void> {
  const { auth, organisation, database } = services;
  const { token } = await auth.setup({ committeeName: 'Nämnden för "prov" & ÅÄÖ', committeeSlug: 'namnden', name: 'Åsa Admin', email: 'admin@example.se', password: TEST_PASSWORD });
  const principal = (await auth.resolveSession(token))?.principal;
  assert.ok(principal, 'the setup session resolves');
  await organisation.createMunicipality(principal, 'namnden', { name: 'Östby kommun', slug: 'ostby', orgNumber: '212000-0001', isHost: 'on' });
  await organisation.setPopulation(principal, 'ostby', { year: '2023', population: '12345', source: 'SCB 31 dec' });
  await organisation.setPopulation(principal, 'ostby', { year: '2024', population: '12400', source: 'SCB' });
  const other = await buildCommittee(services, { name: 'Andra nämnden' });
  const [ostbyRow] = await database.db.select().from(organisations).where(eq(organisations.slug, 'ostby'));
  // A committee's administrator records people of its own member municipality (never another committee's).
  const personId = await organisation.createPerson(principal, { name: 'Örjan "Nisse" Ström', email: 'orjan@example.se', title: 'Ledamot \\ 🙂 ½', organisationId: ostbyRow?.id });
  await organisation.createPerson(principal, { name: 'Utan Organisation' });
  const [committee, ostby] = await Promise.all(['namnden', 'ostby'].map(async (slug) => (await database.db.select().from(organisations).where(eq(organisations.slug, slug)))[0]));
  assert.ok(committee && ostby);
  const [body] = await database.db.insert(bodies).values({ organisationId: committee.id, kind: 'committee', name: 'Nämnden', slug: 'namnden', noticeDays: 7 }).returning();
  assert.ok(body);
  await organisation.createMandate(principal, { personId, bodyId: body.id, municipalityId: ostby.id, role: 'member', position: 'chair', termFrom: '2023-01-01', termTo: '2026-12-31' });
  // A grandchild whose id sorts before its parent's: primary-key order alone would insert it first.
  const parentId = 'ffffffff-ffff-4fff-8fff-ffffffffffff';
  await database.db.insert(organisations).values({ id: parentId, kind: 'municipality', name: 'Förälder', slug: 'foralder', committeeId: other.committee.id });
  await database.db.insert(organisations).values({ id: '00000000-0000-4000-8000-000000000001', kind: 'municipality', name: 'Barn', slug: 'barn', committeeId: parentId });
  const user = await buildUser(services, { organisationId: other.committee.id, roles: ['secretary', 'economist'] });
  await auth.signIn({ email: user.email, password: user.password, ip: '192.0.2.1' });
  await assert.rejects(auth.signIn({ email: user.email, password: 'fel lösenord', ip: '192.0.2.2' }));
  await auth.createApiToken(principal, 'Integration');
  await services.account.beginTotp(principal, TEST_PASSWORD);
  const revoked = await auth.createApiToken(principal, 'Återkallad');
  const tokens = await auth.listApiTokens(principal);
  const revokedId = tokens.find((t) => t.label === 'Återkallad')?.id;
  assert.ok(revoked && revokedId);
  await auth.revokeApiToken(principal, revokedId);
  await database.db.transaction((tx) => recordAudit(tx, RESTORER, { action: 'test.json', entity: 'test', before: { nested: { list: [1, 2.5, null, 'å'] } }, after: null, organisationId: null }));
}

type Snapshot = Map<string, string[]>;

/** Every table's rows as JSON text, sorted; the table list comes from the catalog, not from backup.ts. */
async function snapshot(database: Database): Promise<Snapshot> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local time zone 'UTC'`);
    const tables = await queryRows<{ name: string }>(tx, sql`select tablename as name from pg_tables where schemaname = current_schema() and tablename <> 'kansli_migrations'`);
    const out: Snapshot = new Map();
    for (const { name } of tables.sort((a, b) => a.name.localeCompare(b.name))) {
      const rows = await queryRows<{ row: string }>(tx, sql`select row_to_json(t)::text as row from ${sql.identifier(name)} t`);
      out.set(name, rows.map((r) => r.row).sort());
    }
    return out;
  });
}

const rowCount = (snap: Snapshot) => [...snap.values()].reduce((n, rows) => n + rows.length, 0);
const isEmpty = (snap: Snapshot) => [...snap.values()].every((rows) => rows.length === 0);

/** The target after a restore equals the source, but for the one audit entry recording the restore. */
function assertRestoredCopy(source: Snapshot, target: Snapshot): void {
  for (const table of FILLED) assert.ok((source.get(table)?.length ?? 0) > 0, `the source has rows in ${table}`);
  const restoreEntries = (target.get('audit_log') ?? []).filter((r) => (JSON.parse(r) as { action: string }).action === 'backup.restore');
  assert.equal(restoreEntries.length, 1, 'the restore is recorded once');
  const copied = new Map(target);
  copied.set('audit_log', (target.get('audit_log') ?? []).filter((r) => !restoreEntries.includes(r)));
  assert.deepEqual([...copied.keys()], [...source.keys()]);
  for (const [table, rows] of source) assert.deepEqual(copied.get(table), rows, `rows of ${table}`);
}

function assertDomainError(code: string, pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof DomainError, `a DomainError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(`${error.userMessage.sv} / ${error.userMessage.en}`, pattern);
    assert.ok(error.userMessage.sv !== error.userMessage.en, 'Swedish and English texts');
    return true;
  };
}

async function maxOf(database: Database, table: string, column: string): Promise<number> {
  const [row] = await database.query<{ max: number }>(sql`select coalesce(max(${sql.identifier(column)}), 0)::int as max from ${sql.identifier(table)}`);
  return row?.max ?? 0;
}

async function rewriteBackup(from: string, change: (lines: string[]) => string[]): Promise<string> {
  const lines = gunzipSync(await readFile(from)).toString('utf8').split('\n');
  const to = tempFile();
  await writeFile(to, gzipSync(change(lines).join('\n')));
  return to;
}

/** The table sections of a backup's text, by their `{ table, rows }` lines. */
function readSections(text: string): { table: string; rows: string[] }[] {
  const lines = text.split('\n');
  const sections: { table: string; rows: string[] }[] = [];
  for (let i = 1; i < lines.length; ) {
    const head = JSON.parse(lines[i] ?? '{}') as { table?: string; rows?: number };
    if (head.table === undefined || head.rows === undefined) break;
    sections.push({ table: head.table, rows: lines.slice(i + 1, i + 1 + head.rows) });
    i += 1 + head.rows;
  }
  return sections;
}

describe('backup and restore', () => {
  let source: TestContext;
  let sourceSnapshot: Snapshot;
  let file: string;
  let summary: { rows: number; tables: number };
  const opened: Database[] = [];
  const freshDatabase = async () => {
    const database = await createTestDatabase();
    opened.push(database);
    return database;
  };

  before(async () => {
    source = await createTestApp();
    await fillInstallation(source.services);
    sourceSnapshot = await snapshot(source.database);
    file = tempFile();
    summary = await backupToFile(source.database, file);
  });
  after(async () => {
    await source.close();
    for (const database of opened) await database.close();
  });

  it('restores every row of every table into a fresh database, and the audit chain still verifies', async () => {
    assert.equal(summary.rows, rowCount(sourceSnapshot));
    assert.equal(summary.tables, sourceSnapshot.size);
    const target = await freshDatabase();
    const restored = await restoreFromFile(target, file, RESTORER);
    assert.deepEqual(restored, summary);
    assertRestoredCopy(sourceSnapshot, await snapshot(target));
    const chain = await verifyAuditChain(target.db);
    assert.deepEqual(chain, { ok: true, count: (sourceSnapshot.get('audit_log')?.length ?? 0) + 1 });
  });

  it('lets sequences and the audit chain continue after a restore', async () => {
    const target = await freshDatabase();
    await restoreFromFile(target, file, RESTORER);
    const app = await createTestApp({ database: target });
    after(() => app.close());
    const { services } = app;
    const auditMax = await maxOf(target, 'audit_log', 'seq');
    const [next] = await target.query<{ n: number }>(sql`select nextval(pg_get_serial_sequence('audit_log', 'seq'))::int as n`);
    assert.equal(next?.n, auditMax + 1, 'the audit_log sequence continues after the restored rows');
    await target.db.transaction((tx) => recordAudit(tx, RESTORER, { action: 'after.restore', entity: 'test', organisationId: null }));
    const [entry] = await target.query<{ seq: number }>(sql`select seq::int as seq from audit_log where action = 'after.restore'`);
    assert.equal(entry?.seq, auditMax + 1);
    assert.equal((await verifyAuditChain(target.db)).ok, true);
    const attemptsMax = await maxOf(target, 'login_attempts', 'id');
    await assert.rejects(services.auth.signIn({ email: 'admin@example.se', password: 'fel lösenord', ip: '192.0.2.9' }));
    const ids = await target.query<{ id: number }>(sql`select id::int as id from login_attempts where id > ${attemptsMax} order by id`);
    assert.deepEqual(ids.map((r) => r.id), [attemptsMax + 1, attemptsMax + 2]);
  });

  it('writes parents before children, so that a restore can insert in file order', async () => {
    const sections = readSections(gunzipSync(await readFile(file)).toString('utf8'));
    const position = new Map(sections.map((s, i) => [s.table, i]));
    const foreignKeys = await source.database.query<{ child: string; parent: string }>(
      sql`select conrelid::regclass::text as child, confrelid::regclass::text as parent from pg_constraint where contype = 'f' and conrelid <> confrelid`,
    );
    assert.ok(foreignKeys.length > 5);
    for (const fk of foreignKeys) assert.ok((position.get(fk.parent) ?? -1) < (position.get(fk.child) ?? -1), `${fk.parent} before ${fk.child}`);
    const seen = new Set<string>();
    for (const row of sections.find((s) => s.table === 'organisations')?.rows ?? []) {
      const org = JSON.parse(row) as { id: string; committee_id: string | null };
      assert.ok(org.committee_id === null || seen.has(org.committee_id), `${org.id} after its parent`);
      seen.add(org.id);
    }
    assert.equal(seen.size, sourceSnapshot.get('organisations')?.length);
  });

  it('refuses to restore into an installation that has data, and changes nothing', async () => {
    const target = await createTestApp();
    try {
      await buildCommittee(target.services);
      const before = await snapshot(target.database);
      await assert.rejects(restoreFromFile(target.database, file, RESTORER), assertDomainError('CONFLICT', /tom installation.*empty installation/s));
      assert.deepEqual(await snapshot(target.database), before);
    } finally {
      await target.close();
    }
  });

  it('leaves the target empty when the file is cut short or fails half-way', async () => {
    const target = await freshDatabase();
    const bytes = await readFile(file);
    const cut = tempFile();
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    await assert.rejects(restoreFromFile(target, cut, RESTORER), assertDomainError('INVALID_INPUT', /skadad.*damaged/s));
    assert.ok(isEmpty(await snapshot(target)));

    // A complete gzip stream cut just before the end line: it must not pass for a whole backup.
    const missingEnd = await rewriteBackup(file, (lines) => lines.slice(0, -2));
    await assert.rejects(restoreFromFile(target, missingEnd, RESTORER), assertDomainError('INVALID_INPUT', /ofullständig.*incomplete/s));
    assert.ok(isEmpty(await snapshot(target)));

    // The very last row is bad: every table before it has been inserted, and must be rolled back.
    const badLastRow = await rewriteBackup(file, (lines) => {
      const end = lines.findLastIndex((l) => l.startsWith('{"end"'));
      return lines.map((l, i) => (i === end - 1 ? '{}' : l));
    });
    await assert.rejects(restoreFromFile(target, badLastRow, RESTORER), assertDomainError('INVALID_INPUT', /skadad.*damaged/s));
    assert.ok(isEmpty(await snapshot(target)));

    await restoreFromFile(target, file, RESTORER);
    assertRestoredCopy(sourceSnapshot, await snapshot(target));
  });

  it('refuses a file that is not a Kansli backup, or needs migrations this installation lacks', async () => {
    const target = await freshDatabase();
    const plain = tempFile();
    await writeFile(plain, 'select 1;\n');
    await assert.rejects(restoreFromFile(target, plain, RESTORER), assertDomainError('INVALID_INPUT', /inte en säkerhetskopia.*not a Kansli backup/s));
    const otherJson = tempFile();
    await writeFile(otherJson, gzipSync('{"format":"something-else","version":1}\n'));
    await assert.rejects(restoreFromFile(target, otherJson, RESTORER), assertDomainError('INVALID_INPUT', /not a Kansli backup/));
    const future = await rewriteBackup(file, (lines) => {
      const header = JSON.parse(lines[0] ?? '{}') as { migrations: string[] };
      return [JSON.stringify({ ...header, migrations: [...header.migrations, '9999_from_the_future'] }), ...lines.slice(1)];
    });
    await assert.rejects(restoreFromFile(target, future, RESTORER), assertDomainError('INVALID_INPUT', /nyare version.*newer version.*9999_from_the_future/s));
    await assert.rejects(restoreFromFile(target, path.join(work, 'missing.gz'), RESTORER), assertDomainError('NOT_FOUND', /finns inte/));
    assert.ok(isEmpty(await snapshot(target)));
  });
});

describe('backup and restore across databases', { skip: TEST_DB_KIND !== 'postgres' && 'needs PostgreSQL: set TEST_DATABASE_URL' }, () => {
  async function roundTrip(from: Database, to: Database): Promise<void> {
    const app = await createTestApp({ database: from });
    await fillInstallation(app.services);
    const file = tempFile();
    await backupToFile(from, file);
    await restoreFromFile(to, file, RESTORER);
    assertRestoredCopy(await snapshot(from), await snapshot(to));
    assert.equal((await verifyAuditChain(to.db)).ok, true);
    await app.close();
  }

  it('restores a PGlite backup into PostgreSQL', async () => {
    const [from, to] = [await createPgliteDatabase(), await createTestDatabase()];
    try {
      await roundTrip(from, to);
    } finally {
      await from.close();
      await to.close();
    }
  });

  it('restores a PostgreSQL backup into PGlite', async () => {
    const [from, to] = [await createTestDatabase(), await createPgliteDatabase()];
    try {
      await roundTrip(from, to);
    } finally {
      await from.close();
      await to.close();
    }
  });
});
