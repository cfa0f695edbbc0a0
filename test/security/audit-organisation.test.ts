/**
 * Issue 15: every audit entry names the organisation it concerns, so that the audit log page
 * (scoped to the reader's organisations) shows it to the right admins and auditors. Checked on
 * what the demo writes through its services, and on a municipality admin's page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, isNull } from 'drizzle-orm';
import { createTestApp, TestClient, type TestContext } from '../support/app.js';
import { buildRoleUser } from '../support/publication-fixtures.js';
import { DEMO_COMMITTEE_SLUG } from '../../src/features/demo/demo-data.js';
import { roleAssignments } from '../../src/features/auth/auth.tables.js';
import { organisations } from '../../src/features/organisation/organisation.tables.js';
import { auditLog } from '../../src/platform/audit/audit.tables.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';

/**
 * Entries that concern no organisation, and may say so with null: none of them is written by the
 * demo, so any null entry after loading it is a call that forgot its organisation.
 */
const ALLOWED_NULL = new Set<string>(['backup.restore']);

describe('every audit entry names its organisation (issue 15)', () => {
  let t: TestContext;
  let committeeId = '';
  let kalixId = '';

  before(async () => {
    t = await createTestApp({ demo: true });
    const db = t.services.database.db;
    const [committee] = await db.select().from(organisations).where(eq(organisations.slug, DEMO_COMMITTEE_SLUG));
    const [kalix] = await db.select().from(organisations).where(eq(organisations.slug, 'kalix'));
    if (!committee || !kalix) throw new Error('the demo is not loaded');
    committeeId = committee.id;
    kalixId = kalix.id;
  });
  after(() => t.close());

  test('after the demo is loaded, no entry lacks an organisation unless its action may', async () => {
    const rows = await t.services.database.db.select().from(auditLog);
    assert.ok(rows.length > 50, `the demo writes many entries (${rows.length})`);
    const missing = rows.filter((r) => r.organisationId === null && !ALLOWED_NULL.has(r.action)).map((r) => r.action);
    assert.deepEqual([...new Set(missing)].sort(), []);
    // The committee's own objects (its meetings, protocols, registry) are filed under the committee.
    const meetingCreates = rows.filter((r) => r.action === 'meeting.create');
    assert.ok(meetingCreates.length > 0);
    for (const r of meetingCreates) assert.equal(r.organisationId, committeeId);
    assert.deepEqual(await verifyAuditChain(t.services.database.db), { ok: true, count: rows.length });
  });

  test('a municipality admin’s audit page shows its own municipality’s entries and not the committee’s', async () => {
    const kalixAdmin = await buildRoleUser(t.services, kalixId, 'admin');
    // The Kalix admin acts in Kalix: records a population and signs in (an account event).
    await t.services.organisation.setPopulation(kalixAdmin.principal, 'kalix', { year: 2023, population: 15_800, source: 'SCB' });
    const client = new TestClient(t.app);
    await client.signIn(kalixAdmin.email, kalixAdmin.password);

    const page = await t.services.admin.auditPage(kalixAdmin.principal, { limit: 10_000 });
    const actions = page.map((r) => r.action);
    assert.ok(actions.includes('population.set'), 'its own municipality’s change is shown');
    assert.ok(actions.includes('auth.sign_in'), 'the sign-in of an account of the municipality is shown');
    assert.ok(page.every((r) => r.organisationId === kalixId), 'nothing of the committee or of another municipality');
    assert.ok(!actions.includes('demo.load') && !actions.includes('meeting.create'), 'the committee’s entries are not shown');

    // The committee's admin sees the municipality's entry too (a committee reads its members').
    const [kalixEntry] = await t.services.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'population.set'), eq(auditLog.organisationId, kalixId)));
    assert.ok(kalixEntry);
    const committeeAdmin = await buildRoleUser(t.services, committeeId, 'admin');
    const committeePage = await t.services.admin.auditPage(committeeAdmin.principal, { limit: 10_000 });
    assert.ok(committeePage.some((r) => r.seq === kalixEntry.seq));
    assert.ok(committeePage.some((r) => r.action === 'demo.load'));
  });

  test('an account event is filed under a municipality the user holds a role in, before the committee', async () => {
    const user = await buildRoleUser(t.services, committeeId, 'secretary');
    await t.services.database.db.insert(roleAssignments).values({ userId: user.id, organisationId: kalixId, role: 'registrar' });
    const client = new TestClient(t.app);
    await client.signIn(user.email, user.password);
    const [entry] = await t.services.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.sign_in'), eq(auditLog.entityId, user.id)));
    assert.equal(entry?.organisationId, kalixId);
    // An account without any role concerns no organisation.
    const roleless = await t.services.auth.createUser({ email: 'ingen-roll@example.se', name: 'Ingen Roll', password: 'ett-langt-losenord-123', grants: [] }, { userId: null, label: 'test' });
    const [created] = await t.services.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.create'), eq(auditLog.entityId, roleless), isNull(auditLog.organisationId)));
    assert.ok(created);
  });
});
