import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { users } from '../auth/auth.tables.js';
import { organisations, people } from '../organisation/organisation.tables.js';
import { auditLog } from '../../platform/audit/audit.tables.js';

describe('linking an account to a person (issue 15)', () => {
  let t: TestContext;
  let org: Awaited<ReturnType<typeof buildCommittee>>;
  let admin: TestClient;
  let personId: string;
  const db = () => t.services.database.db;
  const personOf = async (userId: string) => (await db().select().from(users).where(eq(users.id, userId)))[0]?.personId ?? null;

  before(async () => {
    t = await createTestApp();
    org = await buildCommittee(t.services);
    const a = await buildUser(t.services, { organisationId: org.committee.id, roles: ['admin'] });
    admin = new TestClient(t.app);
    await admin.signIn(a.email);
    const [p] = await db().insert(people).values({ name: 'Ordförande Olsson', organisationId: org.municipality.id }).returning();
    personId = p?.id ?? '';
  });
  after(() => t.close());

  test('the new-user form no longer links a person; linking is its own audited step', async () => {
    assert.doesNotMatch((await admin.get('/admin/anvandare/ny')).body, /name="personId"/);
    const user = await buildUser(t.services, { organisationId: org.committee.id, roles: ['chair'] });
    const linked = await admin.post(`/admin/anvandare/${user.id}/person`, { personId });
    assert.equal(linked.statusCode, 302, linked.body.slice(0, 500));
    assert.equal(await personOf(user.id), personId);
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'user.link_person'), eq(auditLog.entityId, user.id)));
    assert.deepEqual(entry?.after, { personId, personName: 'Ordförande Olsson' });
    assert.match((await admin.get(`/admin/anvandare/${user.id}`)).body, /Kopplat till Ordförande Olsson/);
  });

  test('a person links to at most one active account: the page refuses, and so does the database', async () => {
    const second = await buildUser(t.services, { organisationId: org.committee.id, roles: ['member'] });
    const refused = await admin.post(`/admin/anvandare/${second.id}/person`, { personId });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /redan kopplad till ett annat aktivt konto/);
    assert.equal(await personOf(second.id), null);
    await assert.rejects(db().update(users).set({ personId }).where(eq(users.id, second.id)), 'the unique index users_person_active_key refuses a second active link');
  });

  test('a disabled account may keep its link, but cannot be enabled while the person has another active account', async () => {
    const [p] = await db().insert(people).values({ name: 'Justerare Jansson', organisationId: org.municipality.id }).returning();
    const old = await buildUser(t.services, { organisationId: org.committee.id, roles: ['member'] });
    const fresh = await buildUser(t.services, { organisationId: org.committee.id, roles: ['member'] });
    assert.equal((await admin.post(`/admin/anvandare/${old.id}/person`, { personId: p?.id ?? '' })).statusCode, 302);
    assert.equal((await admin.post(`/admin/anvandare/${old.id}/stang-av`)).statusCode, 302);
    assert.equal((await admin.post(`/admin/anvandare/${fresh.id}/person`, { personId: p?.id ?? '' })).statusCode, 302);
    const enable = await admin.post(`/admin/anvandare/${old.id}/aktivera`);
    assert.equal(enable.statusCode, 409);
    assert.match(enable.body, /redan ett annat aktivt konto/);
  });

  test('an administrator of another municipality cannot link an account to this municipality’s person', async () => {
    const [other] = await db().insert(organisations).values({ kind: 'municipality', name: 'Annanby kommun', slug: `annanby-${process.pid}`, committeeId: org.committee.id }).returning();
    const stranger = await buildUser(t.services, { organisationId: other?.id ?? '', roles: ['admin'] });
    const target = await buildUser(t.services, { organisationId: other?.id ?? '', roles: ['member'] });
    const [p] = await db().insert(people).values({ name: 'Ledamot Larsson', organisationId: org.municipality.id }).returning();
    const principal = { userId: stranger.id, email: stranger.email, name: 'x', grants: [{ organisationId: other?.id ?? '', role: 'admin' as const }] };
    await assert.rejects(t.services.personLinks.linkPerson(principal, target.id, p?.id ?? ''), /Not allowed/);
    assert.equal(await personOf(target.id), null);
  });

  test('unlinking is audited too', async () => {
    const user = await buildUser(t.services, { organisationId: org.committee.id, roles: ['member'] });
    const [p] = await db().insert(people).values({ name: 'Ersättare Eriksson', organisationId: org.municipality.id }).returning();
    await admin.post(`/admin/anvandare/${user.id}/person`, { personId: p?.id ?? '' });
    assert.equal((await admin.post(`/admin/anvandare/${user.id}/person`, { personId: '' })).statusCode, 302);
    assert.equal(await personOf(user.id), null);
    const actions = (await db().select().from(auditLog).where(eq(auditLog.entityId, user.id))).map((r) => r.action);
    assert.deepEqual(actions.filter((a) => a.endsWith('_person')), ['user.link_person', 'user.unlink_person']);
  });
});
