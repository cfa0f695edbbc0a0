import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { signedInAs } from '../../../test/support/factories.js';
import { agendaItems, meetings } from '../meetings/meetings.tables.js';
import { protocolParagraphs, protocols } from '../protocols/protocols.tables.js';
import { DomainError } from '../../platform/errors.js';
import type { Principal } from '../../platform/auth/policy.js';
import { draftParagraphs } from '../protocols/protocol-build.js';

const CODES = 'kod;rubrik;gallring\n2.4.0.2;Ekonomisk uppföljning;Bevaras\n1.3.2.2;Intern kontroll;Bevaras\n';

describe('correcting registry details while the case is open', () => {
  let t: TestContext;
  let org: Awaited<ReturnType<typeof buildCommittee>>;
  let registrar: TestClient;
  let member: TestClient;
  let registrarPrincipal: Principal;
  let otherRegistrar: Principal;

  before(async () => {
    t = await createTestApp({ clock: () => new Date('2026-03-02T09:00:00Z') });
    org = await buildCommittee(t.services, { name: 'Rättelsenämnden' });
    const other = await buildCommittee(t.services, { name: 'Annan nämnd' });
    const user = await buildUser(t.services, { organisationId: org.committee.id, roles: ['registrar'] });
    registrar = new TestClient(t.app);
    await registrar.signIn(user.email);
    member = await signedInAs(t, org.committee.id, ['member']);
    registrarPrincipal = { userId: user.id, email: user.email, name: 'Registratorn', grants: [{ organisationId: org.committee.id, role: 'registrar' }] };
    otherRegistrar = { userId: randomUUID(), email: 'annan@example.se', name: 'Annan', grants: [{ organisationId: other.committee.id, role: 'registrar' }] };
    await t.services.registry.importCodes(registrarPrincipal, org.committee.slug, CODES);
  });
  after(() => t.close());

  const newCase = (title: string) => t.services.registry.createCase(registrarPrincipal, org.committee.slug, { title, classificationCode: '2.4.0.2' });
  const changes = async (entityId: string) =>
    t.services.database.query<{ field: string; before: string | null; after: string | null; changed_by: string }>(sql`select field, before, after, changed_by from registry_changes where entity_id = ${entityId} order by field`);
  const audits = async (entityId: string, action: string) => (await t.services.database.query<{ n: number }>(sql`select count(*)::int as n from audit_log where entity_id = ${entityId} and action = ${action}`))[0]?.n ?? 0;

  test('the registrar corrects a case: each changed field kept with who, from and to; shown on the case page; audited; found by search', async () => {
    const c = await newCase('Uppföljning av ekonomi');
    const form = await registrar.get(`/arenden/${c.id}/andra`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /value="Uppföljning av ekonomi"/);
    const saved = await registrar.post(`/arenden/${c.id}/andra`, { title: 'Ekonomisk uppföljning, tertial 1', classificationCode: '1.3.2.2', responsiblePersonId: '' });
    assert.equal(saved.statusCode, 302);
    const rows = await changes(c.id);
    assert.deepEqual(
      rows.map((r) => [r.field, r.before, r.after]),
      [
        ['classificationCode', '2.4.0.2', '1.3.2.2'],
        ['title', 'Uppföljning av ekonomi', 'Ekonomisk uppföljning, tertial 1'],
      ],
    );
    assert.ok(rows.every((r) => r.changed_by === registrarPrincipal.email), rows[0]?.changed_by);
    assert.equal(await audits(c.id, 'case.edit'), 1);
    const page = await member.get(`/arenden/${c.id}`);
    assert.match(page.body, /Ändringshistorik/);
    assert.match(page.body, /Uppföljning av ekonomi<\/td>/);
    assert.match(page.body, /2026\/\d+-1\.3\.2\.2/, 'the case number follows the new code');
    const hits = await t.services.search.search(registrarPrincipal, { q: 'tertial' });
    assert.ok(hits.hits.some((h) => h.title === 'Ekonomisk uppföljning, tertial 1'));

    const again = await registrar.post(`/arenden/${c.id}/andra`, { title: 'Ekonomisk uppföljning, tertial 1', classificationCode: '1.3.2.2', responsiblePersonId: '' });
    assert.equal(again.statusCode, 302);
    assert.equal((await changes(c.id)).length, 2, 'saving without a change records nothing');
  });

  test('bad input shows the form again with the text kept, nothing saved', async () => {
    const c = await newCase('Budget 2027');
    const bad = await registrar.post(`/arenden/${c.id}/andra`, { title: 'Budget 2027 med rättelse', classificationCode: '9.9.9' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Koden 9\.9\.9 finns inte/);
    assert.match(bad.body, /value="Budget 2027 med rättelse"/);
    assert.equal((await changes(c.id)).length, 0);
  });

  test('a closed case is refused with a clear message; a member and another committee\'s registrar may not correct', async () => {
    const c = await newCase('Avslutat ärende');
    await t.services.registry.setCaseStatus(registrarPrincipal, c.id, 'closed');
    const refused = await registrar.post(`/arenden/${c.id}/andra`, { title: 'Nytt', classificationCode: '2.4.0.2' });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /är avslutat och dess uppgifter kan inte ändras. Återöppna ärendet/);
    assert.equal((await member.post(`/arenden/${c.id}/andra`, { title: 'Nytt', classificationCode: '2.4.0.2' })).statusCode, 403);
    const open = await newCase('Öppet ärende');
    await assert.rejects(() => t.services.registryEdit.editCase(otherRegistrar, open.id, { title: 'Intrång', classificationCode: '2.4.0.2' }), (e: unknown) => e instanceof DomainError && e.code === 'FORBIDDEN');
    assert.equal((await changes(c.id)).length + (await changes(open.id)).length, 0);
  });

  test('a document is corrected; a secret one keeps its history from those who see only its entry', async () => {
    const c = await newCase('Säkerhet');
    const doc = await t.services.registry.registerDocument(registrarPrincipal, { caseId: c.id, direction: 'incoming', documentDate: '2026-03-01', counterpart: 'Leverantören AB', description: 'Offert' });
    const ok = await registrar.post(`/handlingar/${doc.id}/andra`, { documentDate: '2026-02-27', counterpart: 'Leverantören AB', description: 'Offert på drift', securityClass: 'Internt' });
    assert.equal(ok.statusCode, 302);
    assert.deepEqual((await changes(doc.id)).map((r) => r.field), ['description', 'documentDate', 'securityClass']);
    assert.match((await member.get(`/handlingar/${doc.id}`)).body, /Offert på drift/);
    assert.equal(await audits(doc.id, 'document.edit'), 1);

    const missing = await registrar.post(`/handlingar/${doc.id}/andra`, { documentDate: '2026-02-27', counterpart: '', description: 'Offert på drift', securityClass: 'Internt' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Ange avsändare eller mottagare/);

    const secret = await t.services.registry.registerDocument(registrarPrincipal, { caseId: c.id, direction: 'incoming', documentDate: '2026-03-01', counterpart: 'Polisen', description: 'Hotbild HEMLIG-DETALJ', secrecy: 'secret', secrecyProvision: '18:8' });
    const form = await registrar.get(`/handlingar/${secret.id}/andra`);
    assert.match(form.body, /value="18 kap\. 8 § offentlighets- och sekretesslagen \(2009:400\)"/);
    assert.match(form.body, /<datalist id="osl-provisions">/);
    const edited = await registrar.post(`/handlingar/${secret.id}/andra`, { documentDate: '2026-03-01', counterpart: 'Polisen', description: 'Hotbild ANNAN-DETALJ', securityClass: 'Konfidentiellt', secrecyProvision: '21 kap. 3 §' });
    assert.equal(edited.statusCode, 302);
    assert.ok((await changes(secret.id)).some((r) => r.field === 'secrecyProvision' && r.after === '21 kap. 3 § offentlighets- och sekretesslagen (2009:400)'));
    const publicView = await new TestClient(t.app).get(`/diarium/${secret.id}`);
    assert.doesNotMatch(publicView.body, /DETALJ/);
    assert.match(publicView.body, /21 kap\. 3 § offentlighets- och sekretesslagen \(2009:400\)/);
    assert.doesNotMatch((await member.get(`/handlingar/${secret.id}`)).body, /HEMLIG-DETALJ|Ändringshistorik/, 'a member sees the entry only, no history');
    assert.match((await registrar.get(`/handlingar/${secret.id}`)).body, /HEMLIG-DETALJ/);

    const unreadable = await registrar.post(`/handlingar/${secret.id}/andra`, { documentDate: '2026-03-01', counterpart: 'Polisen', description: 'Hotbild', securityClass: 'Konfidentiellt', secrecyProvision: 'hemligt' });
    assert.equal(unreadable.statusCode, 400);
    assert.match(unreadable.body, /kapitel och paragraf/);
  });

  test('the history is append-only', async () => {
    await assert.rejects(() => t.services.database.query(sql`update registry_changes set after = 'x'`));
  });

  test('a case shows each paragraph that decided it, with its § and a link to the protocol', async () => {
    const c = await newCase('Verksamhetsplan 2027');
    const db = t.services.database.db;
    const [meeting] = await db.insert(meetings).values({ bodyId: org.body.id, startsAt: new Date('2026-02-20T09:00:00Z'), place: 'Luleå', status: 'closed' }).returning();
    assert.ok(meeting);
    const [item] = await db.insert(agendaItems).values({ meetingId: meeting.id, position: 1, caseId: c.id, heading: 'Verksamhetsplan 2027', status: 'decided' }).returning();
    const [protocol] = await db.insert(protocols).values({ meetingId: meeting.id }).returning();
    assert.ok(item && protocol);
    const [paragraph] = await db.insert(protocolParagraphs).values({ protocolId: protocol.id, agendaItemId: item.id, position: 1, number: 7, year: 2026, heading: 'Verksamhetsplan 2027' }).returning();
    assert.ok(paragraph);
    const page = await member.get(`/arenden/${c.id}`);
    assert.match(page.body, /Beslut i ärendet/);
    assert.match(page.body, new RegExp(`href="/moten/${meeting.id}/protokoll#paragraf-${paragraph.id}">§ 7 Testnämnden 2026-02-20</a>`));
    assert.match(page.body, /beslut, protokollet är inte justerat/);
    const none = await newCase('Nytt ärende');
    assert.match((await member.get(`/arenden/${none.id}`)).body, /har inte behandlats i något protokoll/);
  });

  test('a secret agenda item names its provision in full: on the agenda and in the protocol paragraph', async () => {
    const db = t.services.database.db;
    const [meeting] = await db.insert(meetings).values({ bodyId: org.body.id, startsAt: new Date('2026-03-20T09:00:00Z'), place: 'Luleå' }).returning();
    assert.ok(meeting);
    const secretary = await signedInAs(t, org.committee.id, ['secretary']);
    const form = await secretary.get(`/moten/${meeting.id}/dagordning/ny`);
    assert.match(form.body, /list="osl-provisions"/);
    const bad = await secretary.post(`/moten/${meeting.id}/dagordning/ny`, { kind: 'decision', heading: 'Personalärende', isSecret: 'on', secrecyProvision: 'paragrafen om personal' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /kapitel och paragraf/);
    const ok = await secretary.post(`/moten/${meeting.id}/dagordning/ny`, { kind: 'decision', heading: 'Personalärende', isSecret: 'on', secrecyProvision: '39 kap. 3 §' });
    assert.equal(ok.statusCode, 302);
    const full = '39 kap. 3 § offentlighets- och sekretesslagen (2009:400)';
    const [item] = await db.select().from(agendaItems).where(sql`${agendaItems.meetingId} = ${meeting.id}`);
    assert.equal(item?.secrecyProvision, full);
    assert.ok((await secretary.get(`/moten/${meeting.id}/dagordning`)).body.includes(`Sekretess enligt ${full}`));
    assert.ok(item);
    const [paragraph] = await draftParagraphs(db, [{ ...item, status: 'decided' }]);
    assert.equal(paragraph?.secrecyProvision, full, 'the protocol paragraph, its PDF and the e-archive take the provision from the item');
  });
});
