import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { users } from '../auth/auth.tables.js';
import { agendaItems, attendanceEvents, meetings, memberNotes, memberReports, motions, reservations, voteBallots, votes } from '../meetings/meetings.tables.js';
import { mandates, people } from '../organisation/organisation.tables.js';
import { cases } from '../registry/registry.tables.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import type { Principal } from '../../platform/auth/policy.js';
import { personColumns } from './person-export.js';

describe('the export of everything held about one person', () => {
  let t: TestContext;
  let admin: Principal;
  let adminEmail: string;
  let personId = '';
  let leaverId = '';
  const planted = new Map<string, string>();

  before(async () => {
    t = await createTestApp();
    const db = t.services.database.db;
    const { committee, municipality, body } = await buildCommittee(t.services);
    const a = await buildUser(t.services, { organisationId: committee.id, roles: ['admin'] });
    adminEmail = a.email;
    admin = { userId: a.id, email: a.email, name: 'Admin', grants: [{ organisationId: committee.id, role: 'admin' }] };
    const [person] = await db.insert(people).values({ name: 'Greta Granskad', email: 'greta@example.se', organisationId: municipality.id }).returning();
    personId = person?.id ?? '';
    const member = await buildUser(t.services, { organisationId: committee.id, roles: ['member'], email: 'greta.login@example.se' });
    await db.update(users).set({ personId }).where(eq(users.id, member.id));
    const [mandate] = await db.insert(mandates).values({ personId, bodyId: body.id, municipalityId: municipality.id, role: 'member', termFrom: '2023-01-01', termTo: '2030-12-31' }).returning();
    const [meeting] = await db.insert(meetings).values({ bodyId: body.id, startsAt: new Date('2022-03-03T09:00:00Z'), place: 'Stadshuset', adjusterPersonId: personId }).returning();
    const [item] = await db.insert(agendaItems).values({ meetingId: meeting?.id ?? '', position: 1, heading: 'Budget' }).returning();
    const itemId = item?.id ?? '';
    const [attendance] = await db.insert(attendanceEvents).values({ meetingId: meeting?.id ?? '', personId, type: 'present' }).returning();
    const [motion] = await db.insert(motions).values({ itemId, personId, text: 'Bifall', position: 1 }).returning();
    const [vote] = await db.insert(votes).values({ itemId, kind: 'decision', yesMeans: 'bifall', noMeans: 'avslag', yes: 1, no: 0, abstain: 0, outcome: 'yes' }).returning();
    await db.insert(voteBallots).values({ voteId: vote?.id ?? '', personId, choice: 'yes' });
    const [reservation] = await db.insert(reservations).values({ itemId, personId, reason: 'Jag reserverar mig' }).returning();
    const [report] = await db.insert(memberReports).values({ meetingId: meeting?.id ?? '', personId, type: 'absence' }).returning();
    await db.insert(memberNotes).values({ itemId, userId: member.id, text: 'Min anteckning' });
    const [c] = await db.insert(cases).values({ organisationId: committee.id, year: 2022, number: 1, classificationCode: '1.1', title: 'Ärende', openedOn: '2022-01-01', responsiblePersonId: personId }).returning();
    for (const [table, id] of [['mandates', mandate?.id], ['meetings', meeting?.id], ['attendance_events', attendance?.id], ['motions', motion?.id], ['reservations', reservation?.id], ['member_reports', report?.id], ['cases', c?.id], ['users', member.id]] as const) {
      planted.set(table, id ?? '');
    }
    // An audit entry made by the person's user.
    await t.services.auth.createApiToken({ userId: member.id, email: 'greta.login@example.se', name: 'Greta', grants: [] }, 'nyckel');

    const [leaver] = await db.insert(people).values({ name: 'Lena Lämnat', email: 'lena@example.se', phone: '070-000 00 00', organisationId: municipality.id }).returning();
    leaverId = leaver?.id ?? '';
    await db.insert(mandates).values({ personId: leaverId, bodyId: body.id, municipalityId: municipality.id, role: 'substitute', termFrom: '2015-01-01', termTo: '2018-12-31' });
  });
  after(() => t.close());

  test('covers every column of the database that names a person or a user (read from the database, not the code)', async () => {
    const named = await t.services.database.query<{ table_name: string; column_name: string }>(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and column_name ~ '(^|_)(person|user)_id$'
      union
      select cl.relname as table_name, a.attname as column_name
      from pg_constraint k join pg_class cl on cl.oid = k.conrelid join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any(k.conkey)
      join pg_class ref on ref.oid = k.confrelid
      where k.contype = 'f' and ref.relname in ('people', 'users')`);
    assert.ok(named.length > 20, 'the database has many such columns');
    const covered = new Set(personColumns().map((c) => `${c.table}.${c.column}`));
    const missing = named.map((n) => `${n.table_name}.${n.column_name}`).filter((k) => !covered.has(k));
    assert.deepEqual(missing, []);
  });

  test('lists every row that names the person, and hides secrets', async () => {
    const data = await t.services.privacy.exportPerson(admin, personId);
    const rowsOf = (table: string) => data.tables.filter((x) => x.table === table).flatMap((x) => x.rows);
    for (const [table, id] of planted) assert.ok(rowsOf(table).some((r) => r.id === id), `${table} row ${id}`);
    assert.equal(rowsOf('people')[0]?.name, 'Greta Granskad');
    assert.equal(rowsOf('vote_ballots').length, 1);
    assert.equal(rowsOf('member_notes')[0]?.text, 'Min anteckning');
    assert.ok(rowsOf('audit_log').some((r) => r.action === 'api_token.create' || r.actor_label === 'greta.login@example.se'));
    assert.equal(rowsOf('users')[0]?.password_hash, '[dold / hidden]');
    assert.equal(rowsOf('api_tokens')[0]?.token_hash, '[dold / hidden]');
    assert.doesNotMatch(JSON.stringify(data), /\$argon2/);
  });

  test('JSON and PDF/A downloads for the administrator, recorded in the audit log', async () => {
    const client = new TestClient(t.app);
    await client.signIn(adminEmail);
    const json = await client.get(`/dataskydd/personer/${personId}/utdrag.json`);
    assert.equal(json.statusCode, 200);
    assert.ok((JSON.parse(json.body) as { tables: unknown[] }).tables.length >= 10);
    const pdf = await client.get(`/dataskydd/personer/${personId}/utdrag.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.match(pdf.rawPayload.toString('latin1'), /pdfaid:part>2</);
    const page = await client.get(`/dataskydd/personer/${personId}`);
    assert.match(page.body, /vote_ballots\.person_id/);
    const entries = await t.services.database.db.select().from(auditLog).where(eq(auditLog.action, 'person.export'));
    assert.ok(entries.length >= 2);
  });

  test('pseudonymises someone who has left; refuses someone still serving', async () => {
    await assert.rejects(t.services.privacy.pseudonymise(admin, personId), /pågående uppdrag|ongoing assignment/);
    const client = new TestClient(t.app);
    await client.signIn(adminEmail);
    const confirm = await client.get(`/dataskydd/personer/${leaverId}/pseudonymisera`);
    assert.match(confirm.body, /Slutliga protokoll|inte i något slutligt protokoll/);
    assert.equal((await client.post(`/dataskydd/personer/${leaverId}/pseudonymisera`)).statusCode, 302);
    const [after] = await t.services.database.db.select().from(people).where(eq(people.id, leaverId));
    assert.match(after?.name ?? '', /^Pseudonym /);
    assert.equal(after?.email, null);
    assert.equal(after?.phone, null);
    assert.ok(after?.pseudonymisedAt);
    const [entry] = await t.services.database.db.select().from(auditLog).where(eq(auditLog.action, 'person.pseudonymise'));
    assert.equal(entry?.entityId, leaverId);
    assert.doesNotMatch(JSON.stringify(entry?.after), /Lena/);
    assert.equal((await verifyAuditChain(t.services.database.db)).ok, true);
  });
});
