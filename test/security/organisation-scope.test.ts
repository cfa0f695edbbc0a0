/**
 * Issue 15's reproductions: a role held in one organisation never acts for another. Two
 * committees, several municipalities; each attack that worked before the policy took a required
 * scope is tried again through the services and over HTTP.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, TestClient, type TestContext } from '../support/app.js';
import { buildFinalProtocol, buildJointCommittee, buildRoleUser } from '../support/publication-fixtures.js';
import { protocolParagraphs } from '../../src/features/protocols/protocols.tables.js';
import { auditLog } from '../../src/platform/audit/audit.tables.js';
import type { Principal } from '../../src/platform/auth/policy.js';
import { requireCommitteeById } from '../../src/features/archive/archive-scope.js';

const SECRET_MARKER = 'Hemlig-sårbarhetsanalys-7731';
const INTERNAL_MARKER = 'Intern-grävlingsfråga-4410';

describe('access bound to the organisation (issue 15)', () => {
  let t: TestContext;
  let committeeA: { id: string; slug: string };
  let committeeB: { id: string; slug: string };
  let kalix: { id: string };
  let kiruna: { id: string };
  let boden: { id: string };
  let secretaryA: Principal;
  let kalixAdmin: Awaited<ReturnType<typeof buildRoleUser>>;
  let kirunaRegistrar: Awaited<ReturnType<typeof buildRoleUser>>;
  let bodenSecretary: Awaited<ReturnType<typeof buildRoleUser>>;
  let kalixAuditor: Awaited<ReturnType<typeof buildRoleUser>>;
  let committeeAuditor: Awaited<ReturnType<typeof buildRoleUser>>;
  let secretaryB: Awaited<ReturnType<typeof buildRoleUser>>;
  let secretDocumentId = '';
  let secretFileId = '';
  let caseId = '';
  let secretParagraphId = '';

  before(async () => {
    t = await createTestApp();
    const a = await buildJointCommittee(t.services, { municipalities: ['Kalix kommun', 'Kiruna kommun', 'Bodens kommun'] });
    const b = await buildJointCommittee(t.services, { municipalities: ['Annanby kommun'] });
    committeeA = a.committee;
    committeeB = b.committee;
    const [m1, m2, m3] = a.members;
    if (!m1 || !m2 || !m3) throw new Error('no municipalities');
    [kalix, kiruna, boden] = [m1, m2, m3];
    secretaryA = (await buildRoleUser(t.services, committeeA.id, 'secretary')).principal;
    secretaryA.grants.push({ organisationId: committeeA.id, role: 'registrar' });
    kalixAdmin = await buildRoleUser(t.services, kalix.id, 'admin');
    kirunaRegistrar = await buildRoleUser(t.services, kiruna.id, 'registrar');
    bodenSecretary = await buildRoleUser(t.services, boden.id, 'secretary');
    kalixAuditor = await buildRoleUser(t.services, kalix.id, 'auditor');
    committeeAuditor = await buildRoleUser(t.services, committeeA.id, 'auditor');
    secretaryB = await buildRoleUser(t.services, committeeB.id, 'secretary');

    await t.services.registry.importCodes(secretaryA, committeeA.slug, 'kod;rubrik;gallring\n1.1;Styrning;Bevaras\n');
    const registryCase = await t.services.registry.createCase(secretaryA, committeeA.slug, { title: `Ärende ${INTERNAL_MARKER}`, classificationCode: '1.1' });
    caseId = registryCase.id;
    const secret = await t.services.registry.registerDocument(
      secretaryA,
      { caseId, direction: 'incoming', counterpart: 'Länsstyrelsen', documentDate: '2026-01-02', description: SECRET_MARKER, secrecy: 'secret', secrecyProvision: 'OSL 18:8', publicDescription: 'Skrivelse' },
      { filename: 'hemlig.txt', bytes: Buffer.from(SECRET_MARKER) },
    );
    secretDocumentId = secret.id;
    secretFileId = (await t.services.registry.getDocument(secretaryA, secret.id)).document.files[0]?.id ?? '';

    const final = await buildFinalProtocol(t.services, {
      committeeId: committeeA.id,
      bodyId: a.body.id,
      municipalityId: kalix.id,
      meetingAt: new Date('2026-03-10T09:00:00Z'),
      justerAt: new Date('2026-03-12T09:00:00Z'),
      paragraphs: [{ heading: 'Säkerhetsfrågor', decision: SECRET_MARKER, secrecyProvision: 'OSL 18:8' }],
    });
    const [paragraph] = await t.services.database.db.select().from(protocolParagraphs).where(eq(protocolParagraphs.protocolId, final.protocolId));
    secretParagraphId = paragraph?.id ?? '';
  });
  after(() => t.close());

  test('a municipality administrator cannot grant itself (or anyone) a committee role', async () => {
    await assert.rejects(t.services.admin.addGrant(kalixAdmin.principal, kalixAdmin.id, { organisationId: committeeA.id, role: 'secretary' }), { code: 'FORBIDDEN' });
    // Its own municipality's roles it does manage.
    await t.services.admin.addGrant(kalixAdmin.principal, kalixAdmin.id, { organisationId: kalix.id, role: 'registrar' });
    const listed = await t.services.admin.listUsers(kalixAdmin.principal);
    assert.ok(listed.every((u) => u.grants.every((g) => g.organisationId === kalix.id)), 'a municipality admin sees only its own grants');
    assert.ok(!listed.some((u) => u.id === secretaryB.id), 'another committee’s users are not listed');
  });

  test('the same attack over HTTP is refused with 403', async () => {
    const client = new TestClient(t.app);
    await client.signIn(kalixAdmin.email);
    const response = await client.post(`/admin/anvandare/${kalixAdmin.id}/roller`, { organisationId: committeeA.id, role: 'secretary' });
    assert.equal(response.statusCode, 403);
  });

  test('a municipality role never reads the committee’s secret document or its file', async () => {
    for (const who of [kalixAdmin, kirunaRegistrar, bodenSecretary, secretaryB]) {
      await assert.rejects(t.services.registry.getFile(who.principal, secretFileId), (e: { code?: string }) => e.code === 'FORBIDDEN' || e.code === 'NOT_FOUND');
      const doc = await t.services.registry.getDocument(who.principal, secretDocumentId).catch(() => undefined);
      assert.ok(!JSON.stringify(doc ?? {}).includes(SECRET_MARKER), 'the description stays secret');
    }
    assert.ok((await t.services.registry.getFile(secretaryA, secretFileId)).bytes.toString().includes(SECRET_MARKER));
  });

  test('another committee’s secretary sees none of this committee’s cases', async () => {
    const cases = await t.services.registry.listCases(secretaryB.principal);
    assert.ok(!cases.some((c) => c.id === caseId));
    // Opened by its address, the case shows only what the public registry shows: no secret content.
    const seen = await t.services.registry.getCase(secretaryB.principal, caseId);
    assert.ok(!JSON.stringify(seen).includes(SECRET_MARKER));
    assert.equal(seen.canWrite, false);
  });

  test('a municipality registrar cannot run or download the committee’s archive delivery', async () => {
    const committee = await requireCommitteeById(t.services.database.db, committeeA.id);
    await assert.rejects(t.services.archive.deliveries.startYearExport(kirunaRegistrar.principal, committee, { year: 2026 }), { code: 'FORBIDDEN' });
    await assert.rejects(t.services.archive.deliveries.listDeliveries(kirunaRegistrar.principal, committee), { code: 'FORBIDDEN' });
  });

  test('a municipality secretary cannot make or send an extract of a secret paragraph', async () => {
    await assert.rejects(t.services.extracts.createExtract(bodenSecretary.principal, secretParagraphId), { code: 'FORBIDDEN' });
    await assert.rejects(t.services.extracts.sendExtract(bodenSecretary.principal, secretParagraphId, ['utomstaende@example.com']), { code: 'FORBIDDEN' });
  });

  test('the audit log shows a secret entry’s content only to those who may read secrets, and only in their organisations', async () => {
    const kalixView = await t.services.admin.auditPage(kalixAuditor.principal, { limit: 500 });
    assert.ok(!JSON.stringify(kalixView).includes(SECRET_MARKER), 'a municipality auditor sees nothing of the committee’s secrets');
    assert.ok(kalixView.every((row) => row.organisationId === kalix.id || row.organisationId === kiruna.id || row.organisationId === boden.id ? row.organisationId === kalix.id : false), 'only Kalix entries');
    const committeeView = await t.services.admin.auditPage(committeeAuditor.principal, { limit: 500 });
    const fileEntry = committeeView.find((row) => row.action === 'file.add' && row.entityId === secretDocumentId);
    assert.ok(fileEntry, 'the committee auditor sees the entry');
    assert.ok(!JSON.stringify(fileEntry).includes('hemlig.txt'), 'but not its secret content');
    const [stored] = await t.services.database.db.select().from(auditLog).where(eq(auditLog.entityId, secretDocumentId));
    assert.equal(stored?.organisationId, committeeA.id);
    await assert.rejects(t.services.admin.auditPage(secretaryB.principal), { code: 'FORBIDDEN' });
  });
});
