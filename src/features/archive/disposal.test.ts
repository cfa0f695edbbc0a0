import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, inArray } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { agendaItemDocuments, agendaItems, auditLog, disposalItems, documentFiles, documents, meetings, searchEntries } from '../../platform/db/schema.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import type { Principal } from '../auth/policy.js';

describe('disposal (gallring) by the document management plan', () => {
  let t: TestContext;
  let now = new Date('2020-03-02T10:00:00Z');
  let admin: Principal;
  let adminEmail: string;
  const doc: Record<string, string> = {};
  let openCaseId = '';

  before(async () => {
    t = await createTestApp({ clock: () => now });
    const { committee, body } = await buildCommittee(t.services);
    const user = await buildUser(t.services, { organisationId: committee.id, roles: ['admin', 'registrar'] });
    adminEmail = user.email;
    admin = { userId: user.id, email: user.email, name: 'Alva Arkivarie', grants: [{ organisationId: committee.id, role: 'admin' }, { organisationId: committee.id, role: 'registrar' }] };
    const { registry } = t.services;
    await registry.importCodes(admin, committee.slug, 'kod;rubrik;gallring\n2.3.4.1;Arbetsmiljö;Gallras efter 2 år\n1.2.1.3;Verksamhetsplanering;Bevaras\n');
    await t.services.archive.plan.importPlan(admin, 'klassificeringskod;handlingstyp;åtgärd;gallringsfrist;format;anmärkning\n2.3.4.1;;gallras;2;PDF/A;\n1.2.1.3;;bevaras;;PDF/A;\n');
    const register = async (caseId: string, key: string, description: string) => {
      const d = await registry.registerDocument(admin, { caseId, direction: 'drawn_up', documentDate: '2020-03-01', description }, { filename: `${key}.txt`, bytes: Buffer.from(`innehåll ${key}`) });
      doc[key] = d.id;
    };
    const sam = await registry.createCase(admin, committee.slug, { title: 'Skyddsronder 2020', classificationCode: '2.3.4.1' });
    await register(sam.id, 'due', 'Protokoll skyddsrond');
    await register(sam.id, 'basis', 'Underlag till nämnden');
    const held = await registry.createCase(admin, committee.slug, { title: 'Arbetsmiljötvist', classificationCode: '2.3.4.1' });
    await register(held.id, 'held', 'Skrivelse i tvisten');
    const open = await registry.createCase(admin, committee.slug, { title: 'Pågående arbetsmiljöärende', classificationCode: '2.3.4.1' });
    openCaseId = open.id;
    await register(open.id, 'open', 'Anteckning');
    const plan = await registry.createCase(admin, committee.slug, { title: 'Verksamhetsplan 2021', classificationCode: '1.2.1.3' });
    await register(plan.id, 'keep', 'Verksamhetsplan');
    for (const c of [sam, held, plan]) await registry.setCaseStatus(admin, c.id, 'closed');
    // A meeting's decision basis refers to one document: it is kept.
    const [meeting] = await t.services.database.db.insert(meetings).values({ bodyId: body.id, startsAt: new Date('2020-04-01T09:00:00Z'), place: 'Stadshuset' }).returning();
    const [item] = await t.services.database.db.insert(agendaItems).values({ meetingId: meeting?.id ?? '', position: 1, heading: 'Arbetsmiljö', caseId: sam.id }).returning();
    await t.services.database.db.insert(agendaItemDocuments).values({ itemId: item?.id ?? '', documentId: doc.basis ?? '' });
    await t.services.archive.disposal.placeHold(admin, { reference: `${held.year}/${held.number}`, reason: 'Tvist vid förvaltningsrätten' });
    now = new Date('2026-11-27T10:00:00Z');
  });
  after(() => t.close());

  test('proposes only what is due: never under a hold, in an open case, kept by the plan or referred to by an agenda', async () => {
    const overview = await t.services.archive.disposal.overview(admin);
    assert.deepEqual(overview.candidates.map((c) => c.documentId), [doc.due]);
    assert.equal(overview.candidates[0]?.dueOn, '2023-01-01');
    assert.deepEqual(overview.kept.map((k) => k.references), [['agenda']]);
  });

  test('the list is approved by a named person, refused while a hold covers a document, then executed with a record', async () => {
    const { disposal } = t.services.archive;
    const list = await disposal.propose(admin);
    await assert.rejects(disposal.execute(admin, list.id), /godkänd|approved/);
    await disposal.approve(admin, list.id, { approvedByName: 'Alva Arkivarie' });
    // A hold placed after the approval stops the execution.
    const hold = await disposal.placeHold(admin, { reference: (await t.services.registry.getDocument(admin, doc.due ?? '')).document.handlingId, reason: 'Begäran om utlämnande' });
    await assert.rejects(disposal.execute(admin, list.id), /gallringsspärr|legal hold/);
    assert.ok((await t.services.database.db.select().from(documents).where(eq(documents.id, doc.due ?? ''))).length === 1);
    await disposal.releaseHold(admin, hold.id);

    const client = new TestClient(t.app);
    await client.signIn(adminEmail);
    const confirm = await client.get(`/arkiv/gallring/${list.id}/verkstall`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /går inte att ångra/);
    const executed = await client.post(`/arkiv/gallring/${list.id}/verkstall`);
    assert.equal(executed.statusCode, 302);

    const db = t.services.database.db;
    assert.equal((await db.select().from(documents).where(eq(documents.id, doc.due ?? ''))).length, 0);
    assert.equal((await db.select().from(documentFiles).where(eq(documentFiles.documentId, doc.due ?? ''))).length, 0);
    assert.equal((await db.select().from(searchEntries).where(eq(searchEntries.refId, doc.due ?? ''))).length, 0);
    const [record] = await db.select().from(disposalItems).where(eq(disposalItems.listId, list.id));
    assert.equal(record?.documentId, doc.due);
    assert.ok(record?.disposedAt);
    assert.match(record?.ruleText ?? '', /2\.3\.4\.1.*2 år/);
    const { list: after } = await disposal.getList(admin, list.id);
    assert.equal(after.status, 'executed');
    assert.equal(after.approvedByName, 'Alva Arkivarie');
    // Everything else is still there.
    const rest = await db.select().from(documents).where(inArray(documents.id, [doc.basis, doc.held, doc.open, doc.keep].map(String)));
    assert.equal(rest.length, 4);
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'disposal.execute'));
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.actorUserId, admin.userId);
    assert.equal((await verifyAuditChain(db)).ok, true);
  });

  test('a document in a case that is reopened is not proposed', async () => {
    await t.services.registry.setCaseStatus(admin, openCaseId, 'open');
    const overview = await t.services.archive.disposal.overview(admin);
    assert.deepEqual(overview.candidates, []);
  });
});
