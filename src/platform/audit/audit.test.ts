import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, TestClient } from '../../../test/support/app.js';
import { useTestApp } from '../../../test/support/test-app-hooks.js';
import { canonicalJson, recordAudit, verifyAuditChain } from './audit.js';

describe('the audit chain', () => {
  const t = useTestApp();

  test('canonical JSON does not depend on key order', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } }), canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }));
    assert.notEqual(canonicalJson({ a: 1 }), canonicalJson({ a: '1' }));
  });

  test('every change through the app is logged with who, what, before and after, and the chain verifies', async () => {
    const { committee, municipality } = await buildCommittee(t.services);
    const admin = await buildUser(t.services, { organisationId: committee.id, roles: ['admin'] });
    const client = new TestClient(t.app);
    await client.signIn(admin.email);
    const saved = await client.post(`/organisation/${municipality.slug}/andra`, { name: 'Nytt namn kommun', slug: municipality.slug, orgNumber: '', isHost: 'on' });
    assert.equal(saved.statusCode, 302);
    const rows = await t.services.database.query<{ action: string; actor_label: string; before: { name: string }; after: { name: string } }>(
      sql`select action, actor_label, before, after from audit_log where action = 'organisation.update'`,
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.actor_label, admin.email);
    assert.equal(rows[0]?.before.name, 'Testby kommun');
    assert.equal(rows[0]?.after.name, 'Nytt namn kommun');
    const result = await verifyAuditChain(t.services.database.db);
    assert.ok(result.ok);
    assert.ok(result.count >= 2);
  });

  test('the log cannot be changed or emptied through SQL', async () => {
    const appendOnly = (error: Error) => /append-only/.test(String((error.cause as Error | undefined)?.message ?? error.message));
    await assert.rejects(t.services.database.query(sql`update audit_log set action = 'x'`), appendOnly);
    await assert.rejects(t.services.database.query(sql`delete from audit_log`), appendOnly);
  });

  test('a change made behind the log’s back is found, and the first broken entry is named', async () => {
    const db = t.services.database.db;
    for (let i = 0; i < 5; i += 1) await db.transaction((tx) => recordAudit(tx, { userId: null, label: 'test' }, { action: 'test.entry', entity: 'test', after: { i }, organisationId: null }));
    const before = await verifyAuditChain(db);
    assert.ok(before.ok);
    const [target] = await t.services.database.query<{ seq: number }>(sql`select seq from audit_log where action = 'test.entry' order by seq limit 1 offset 2`);
    const seq = Number(target?.seq);
    await t.services.database.query(sql`alter table audit_log disable trigger audit_log_no_update`);
    await t.services.database.query(sql`update audit_log set after = '{"i": 99}'::jsonb where seq = ${seq}`);
    await t.services.database.query(sql`alter table audit_log enable trigger audit_log_no_update`);
    const result = await verifyAuditChain(db);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.firstBrokenSeq, seq);
    assert.equal(!result.ok && result.reason, 'content does not match its hash');
  });

  test('concurrent writers keep the chain linear', async () => {
    const fresh = await createTestApp();
    try {
      const db = fresh.services.database.db;
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => db.transaction((tx) => recordAudit(tx, { userId: null, label: 'w' }, { action: 'parallel', entity: 'x', after: { i }, organisationId: null }))),
      );
      const result = await verifyAuditChain(db);
      assert.ok(result.ok);
      assert.equal(result.count, 20);
    } finally {
      await fresh.close();
    }
  });
});
