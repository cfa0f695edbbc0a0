import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, inArray } from 'drizzle-orm';
import { buildCommittee, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { buildPrincipalUser } from '../../../test/support/factories.js';
import { disposalItems } from './archive.tables.js';
import { agendaItemDocuments, agendaItems, meetings } from '../meetings/meetings.tables.js';
import { documentFiles, documents } from '../registry/registry.tables.js';
import { searchEntries } from '../search/search.tables.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import type { Principal } from '../../platform/auth/policy.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

/**
 * A test app on `clock` with a committee whose archivist (admin and registrar) has imported the
 * classification codes and the document management plan, both as CSV.
 */
async function buildArchive(clock: () => Date, codes: string, plan: string) {
  const t = await createTestApp({ clock });
  const { committee, body } = await buildCommittee(t.services);
  const archivist = await buildPrincipalUser(t.services, { organisationId: committee.id, roles: ['admin', 'registrar'], name: 'Alva Arkivarie' });
  await t.services.registry.importCodes(archivist.principal, committee.slug, codes);
  await t.services.archive.plan.importPlan(archivist.principal, committee, plan);
  return { t, committee, body, admin: archivist.principal, adminEmail: archivist.email };
}

describe('disposal (gallring) by the document management plan', () => {
  let t: TestContext;
  let now = new Date('2020-03-02T10:00:00Z');
  let admin: Principal;
  let adminEmail: string;
  const doc: Record<string, string> = {};
  let openCaseId = '';
  let committee: OrganisationRow;

  before(async () => {
    const archive = await buildArchive(
      () => now,
      'kod;rubrik;gallring\n2.3.4.1;Arbetsmiljö;Gallras efter 2 år\n1.2.1.3;Verksamhetsplanering;Bevaras\n',
      'klassificeringskod;handlingstyp;åtgärd;gallringsfrist;format;anmärkning\n2.3.4.1;;gallras;2;PDF/A;\n1.2.1.3;;bevaras;;PDF/A;\n',
    );
    ({ t, committee, admin, adminEmail } = archive);
    const { registry } = t.services;
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
    const [meeting] = await t.services.database.db.insert(meetings).values({ bodyId: archive.body.id, startsAt: new Date('2020-04-01T09:00:00Z'), place: 'Stadshuset' }).returning();
    const [item] = await t.services.database.db.insert(agendaItems).values({ meetingId: meeting?.id ?? '', position: 1, heading: 'Arbetsmiljö', caseId: sam.id }).returning();
    await t.services.database.db.insert(agendaItemDocuments).values({ itemId: item?.id ?? '', documentId: doc.basis ?? '' });
    await t.services.archive.disposal.placeHold(admin, committee, { reference: `${held.year}/${held.number}`, reason: 'Tvist vid förvaltningsrätten' });
    now = new Date('2026-11-27T10:00:00Z');
  });
  after(() => t.close());

  test('proposes only what is due: never under a hold, in an open case, kept by the plan or referred to by an agenda', async () => {
    const overview = await t.services.archive.disposal.overview(admin, committee);
    assert.deepEqual(overview.candidates.map((c) => c.documentId), [doc.due]);
    assert.equal(overview.candidates[0]?.dueOn, '2023-01-01');
    assert.deepEqual(overview.kept.map((k) => k.references), [['agenda']]);
  });

  test('the list is approved by a named person, refused while a hold covers a document, then executed with a record', async () => {
    const { disposal } = t.services.archive;
    const list = await disposal.propose(admin, committee);
    await assert.rejects(disposal.execute(admin, list.id), /godkänd|approved/);
    await disposal.approve(admin, list.id, { approvedByName: 'Alva Arkivarie' });
    // A hold placed after the approval stops the execution.
    const hold = await disposal.placeHold(admin, committee, { reference: (await t.services.registry.getDocument(admin, doc.due ?? '')).document.handlingId, reason: 'Begäran om utlämnande' });
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
    // OSL 5 kap.: the files go, the registry entry stays — marked gallrad with the day and the decision.
    const [entry] = await db.select().from(documents).where(eq(documents.id, doc.due ?? ''));
    assert.ok(entry, 'the registry entry stays');
    assert.equal(entry.disposedOn, '2026-11-27');
    assert.equal(entry.disposalListId, list.id);
    assert.match(entry.disposalReference ?? '', /Gallringsbeslut \d{4}-\d{2}-\d{2}, Alva Arkivarie/);
    assert.match(entry.disposalReference ?? '', /2\.3\.4\.1: gallras efter 2 år/);
    assert.equal((await db.select().from(documentFiles).where(eq(documentFiles.documentId, doc.due ?? ''))).length, 0);
    assert.equal((await db.select().from(searchEntries).where(eq(searchEntries.kind, 'file'))).filter((e) => e.title.startsWith('Protokoll skyddsrond')).length, 0);
    assert.equal((await db.select().from(searchEntries).where(eq(searchEntries.refId, doc.due ?? ''))).length, 1, 'the entry can still be found');
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
    const overview = await t.services.archive.disposal.overview(admin, committee);
    assert.deepEqual(overview.candidates, []);
  });
});

/**
 * OSL 5 kap. 1–2 §§: the registry entry — number, date, sender or recipient, short description —
 * stays when the document is disposed of; the registry shows it as gallrad with the decision.
 */
describe('OSL 5 kap.: a disposed document keeps its registry entry', () => {
  let t: TestContext;
  let now = new Date('2018-05-02T10:00:00Z');
  let admin: Principal;
  let adminEmail: string;
  const registered: { id: string; handlingId: string; direction: 'incoming' | 'outgoing' | 'drawn_up'; counterpart: string | undefined; description: string; documentDate: string }[] = [];
  let committee: OrganisationRow;

  before(async () => {
    ({ t, committee, admin, adminEmail } = await buildArchive(
      () => now,
      'kod;rubrik;gallring\n2.2.0.2;Nämndadministration;Bevaras\n2.2.0.2.1;Inbjudningar;Gallras efter 2 år\n',
      'klassificeringskod;åtgärd;gallringsfrist\n2.2.0.2;bevaras;\n2.2.0.2.1;gallras;2\n',
    ));
    const { registry } = t.services;
    const invitations = await registry.createCase(admin, committee.slug, { title: 'Inbjudningar 2018', classificationCode: '2.2.0.2.1' });
    const kept = await registry.createCase(admin, committee.slug, { title: 'Sammanträden 2018', classificationCode: '2.2.0.2' });
    const rows: [string, 'incoming' | 'outgoing' | 'drawn_up', string | undefined, string][] = [
      [invitations.id, 'incoming', 'SKR', 'Inbjudan till nämnddag'],
      [invitations.id, 'outgoing', 'Piteå kommun', 'Svar på inbjudan'],
      [invitations.id, 'drawn_up', undefined, 'Anteckning om deltagare'],
      // Same words, other code: the plan keeps it.
      [kept.id, 'incoming', 'SKR', 'Inbjudan till nämnddag'],
    ];
    for (const [caseId, direction, counterpart, description] of rows) {
      const d = await registry.registerDocument(admin, { caseId, direction, documentDate: '2018-05-01', description, ...(counterpart ? { counterpart } : {}) }, { filename: 'fil.txt', bytes: Buffer.from(`text ${description} ${direction}`) });
      registered.push({ id: d.id, handlingId: `${d.year}.${d.number}`, direction, counterpart, description, documentDate: '2018-05-01' });
    }
    for (const c of [invitations, kept]) await registry.setCaseStatus(admin, c.id, 'closed');
    now = new Date('2026-03-10T10:00:00Z');
    const { disposal } = t.services.archive;
    const list = await disposal.propose(admin, committee);
    await disposal.approve(admin, list.id, { approvedByName: 'Alva Arkivarie' });
    await disposal.execute(admin, list.id);
  });
  after(() => t.close());

  const disposedIndexes = [0, 1, 2];
  for (const i of disposedIndexes) {
    test(`document ${i + 1}: number, date, sender or recipient and description stay; the files go; the entry is marked gallrad`, async () => {
      const expected = registered[i];
      assert.ok(expected);
      const { document } = await t.services.registry.getDocument(admin, expected.id);
      assert.equal(document.handlingId, expected.handlingId);
      assert.equal(document.documentDate, expected.documentDate);
      assert.equal(document.direction, expected.direction);
      assert.equal(document.counterpart, expected.counterpart ?? null);
      assert.equal(document.description, expected.description);
      assert.deepEqual(document.files, []);
      assert.equal(document.disposal?.disposedOn, '2026-03-10');
      assert.match(document.disposal?.reference ?? '', /Alva Arkivarie.*2\.2\.0\.2\.1: gallras efter 2 år/);
    });
  }

  test('a document with the same words under a code the plan keeps is not disposed of', async () => {
    const keptDoc = registered[3];
    assert.ok(keptDoc);
    const { document } = await t.services.registry.getDocument(admin, keptDoc.id);
    assert.equal(document.disposal, null);
    assert.equal(document.files.length, 1);
  });

  test('the registry page and the API show the entry as gallrad; no new file can be added', async () => {
    const disposed = registered[0];
    assert.ok(disposed);
    const client = new TestClient(t.app);
    await client.signIn(adminEmail);
    const page = await client.get(`/handlingar/${disposed.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Gallrad/);
    assert.match(page.body, /Filerna gallrades 2026-03-10/);
    assert.match(page.body, /Inbjudan till nämnddag/);
    assert.doesNotMatch(page.body, /ny-version/);
    await assert.rejects(t.services.registry.addFileVersion(admin, disposed.id, { filename: 'ny.txt', bytes: Buffer.from('ny') }), /disposed of on 2026-03-10/);
    // A disposed document is not proposed again.
    assert.deepEqual((await t.services.archive.disposal.overview(admin, committee)).candidates, []);
  });
});
