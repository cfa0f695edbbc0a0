import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { asc, eq } from 'drizzle-orm';
import { buildCommittee, createTestApp, TestClient, type TestContext } from '../../../../test/support/app.js';
import { agendaItemDocuments, agendaItems, meetings } from '../meetings.tables.js';
import { DomainError } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/auth/policy.js';
import { proposalBlocks } from './agenda.schema.js';
import { buildSignedInPrincipal, signedInAs } from '../../../../test/support/factories.js';

const CODES = 'kod;rubrik;gallring\n1.3.1.2;Reglemente;Bevaras\n';
const NOW = new Date('2026-03-01T09:00:00Z');

describe('agenda (föredragningslista)', () => {
  let t: TestContext;
  let secretary: TestClient;
  let member: TestClient;
  let registrar: TestClient;
  let planner: Principal;
  let org: Awaited<ReturnType<typeof buildCommittee>>;
  let caseId: string;
  let closedCaseId: string;
  let publicDoc: { id: string; hid: string };
  let secretDoc: { id: string; hid: string };

  const db = () => t.services.database.db;
  const buildMeeting = async (overrides: Partial<typeof meetings.$inferInsert> = {}) => {
    const [row] = await db()
      .insert(meetings)
      .values({ bodyId: org.body.id, startsAt: new Date('2026-03-20T09:00:00Z'), endsAt: new Date('2026-03-20T12:00:00Z'), place: 'Stadshuset, Luleå', ...overrides })
      .returning();
    if (!row) throw new Error('no meeting');
    return row;
  };
  const positions = async (meetingId: string) =>
    (await db().select({ heading: agendaItems.heading, position: agendaItems.position }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position))).map((r) => `${r.position}:${r.heading}`);
  const itemIds = async (meetingId: string) => (await db().select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position))).map((r) => r.id);
  const add = (meetingId: string, form: Record<string, string | string[]>) => secretary.post(`/moten/${meetingId}/dagordning/ny`, { kind: 'decision', ...form });

  before(async () => {
    t = await createTestApp({ clock: () => NOW });
    org = await buildCommittee(t.services);
    ({ principal: planner, client: secretary } = await buildSignedInPrincipal(t, { organisationId: org.committee.id, roles: ['secretary'], name: 'Sekreteraren' }));
    member = await signedInAs(t, org.committee.id, ['member']);
    registrar = await signedInAs(t, org.committee.id, ['registrar']);

    const { registry } = t.services;
    await registry.importCodes(planner, org.committee.slug, CODES);
    const open = await registry.createCase(planner, org.committee.slug, { title: 'Revidering reglemente och samverkansavtal', classificationCode: '1.3.1.2' });
    const closed = await registry.createCase(planner, org.committee.slug, { title: 'Gammalt avslutat ärende', classificationCode: '1.3.1.2' });
    await registry.setCaseStatus(planner, closed.id, 'closed');
    caseId = open.id;
    closedCaseId = closed.id;
    const pub = await registry.registerDocument(planner, { caseId, direction: 'drawn_up', documentDate: '2026-02-20', description: 'Reglemente, förslag', secrecy: 'public' });
    const sec = await registry.registerDocument(planner, { caseId, direction: 'incoming', counterpart: 'Leverantören', documentDate: '2026-02-21', description: 'Säkerhetsanalys HEMLIGT-INNEHÅLL', secrecy: 'secret', secrecyProvision: 'OSL 18 kap. 8 §' });
    publicDoc = { id: pub.id, hid: `${pub.year}.${pub.number}` };
    secretDoc = { id: sec.id, hid: `${sec.year}.${sec.number}` };
  });
  after(() => t.close());

  test('proposals keep their numbered points; wrapped lines join their point', () => {
    assert.deepEqual(proposalBlocks('1. Norrbottens e-nämnd beslutar att väcka ärende i respektive\nmedlemskommuns fullmäktige.\n\n2. e-nämnden rekommenderar\nfullmäktige att anta förslaget.'), [
      { kind: 'point', number: '1', text: 'Norrbottens e-nämnd beslutar att väcka ärende i respektive medlemskommuns fullmäktige.' },
      { kind: 'point', number: '2', text: 'e-nämnden rekommenderar fullmäktige att anta förslaget.' },
    ]);
    assert.deepEqual(proposalBlocks('Inledning\nfortsätter\n\n3) Tredje'), [
      { kind: 'paragraph', text: 'Inledning fortsätter' },
      { kind: 'point', number: '3', text: 'Tredje' },
    ]);
    assert.deepEqual(proposalBlocks('  \n'), []);
  });

  test('adding from a case prefills the heading; only open cases are offered', async () => {
    const meeting = await buildMeeting();
    const form = await secretary.get(`/moten/${meeting.id}/dagordning/ny?arende=${caseId}`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="heading" type="text" value="Revidering reglemente och samverkansavtal"/);
    assert.match(form.body, new RegExp(`value="${caseId}"`));
    assert.doesNotMatch(form.body, new RegExp(`<option value="${closedCaseId}"`));
    assert.match(form.body, new RegExp(`Hid ${secretDoc.hid.replace('.', '\\.')}`), 'a planner may read secret documents and choose them');
  });

  test('items are added in order, with case, basis, numbered proposal and recipients', async () => {
    const meeting = await buildMeeting();
    const first = await add(meeting.id, {
      caseId,
      heading: 'Revidering reglemente och samverkansavtal',
      proposal: '1. Norrbottens e-nämnd beslutar att väcka ärende i fullmäktige.\n2. e-nämnden rekommenderar fullmäktige att anta förslaget.',
      documentIds: [publicDoc.id, secretDoc.id],
      recipients: 'Sanna Lohilahti Bladfält\nMedlemskommunerna',
    });
    assert.equal(first.statusCode, 302, first.body.slice(0, 2000));
    assert.match(String(first.headers.location), new RegExp(`^/moten/${meeting.id}/dagordning#punkt-`));
    assert.equal((await add(meeting.id, { kind: 'information', heading: 'Information om ekonomi och verksamhet' })).statusCode, 302);
    assert.equal((await add(meeting.id, { kind: 'election', heading: 'Val av justerare', otherHids: publicDoc.hid })).statusCode, 302);
    assert.deepEqual(await positions(meeting.id), ['1:Revidering reglemente och samverkansavtal', '2:Information om ekonomi och verksamhet', '3:Val av justerare']);

    const page = await secretary.get(`/moten/${meeting.id}/dagordning`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<span>1\.<\/span><span>Norrbottens e-nämnd beslutar att väcka ärende i fullmäktige\.<\/span>/);
    assert.match(page.body, /<span>2\.<\/span><span>e-nämnden rekommenderar/);
    assert.match(page.body, /Sanna Lohilahti Bladfält/);
    assert.match(page.body, new RegExp(`href="/handlingar/${publicDoc.id}">Reglemente, förslag</a>, Hid: ${publicDoc.hid}`));
    assert.match(page.body, /HEMLIGT-INNEHÅLL/, 'the secretary may read secret documents');
    assert.match(page.body, /Beslut<\/span>/);
    assert.match(page.body, /Information<\/span>/);
    assert.match(page.body, /Val<\/span>/);
    assert.match(page.body, /Flytta upp/);
    assert.match(page.body, /\/static\/agenda-reorder\.js/);

    const asMember = await member.get(`/moten/${meeting.id}/dagordning`);
    assert.equal(asMember.statusCode, 200);
    assert.match(asMember.body, /Reglemente, förslag/);
    assert.doesNotMatch(asMember.body, /HEMLIGT-INNEHÅLL/, 'a member may not see a secret document');
    assert.doesNotMatch(asMember.body, new RegExp(secretDoc.id));
    assert.match(asMember.body, /1 handling i underlaget omfattas av sekretess/);
    assert.doesNotMatch(asMember.body, /Flytta upp|Lägg till punkt/);
    assert.match((await registrar.get(`/moten/${meeting.id}/dagordning`)).body, /HEMLIGT-INNEHÅLL/, 'registry.readSecret sees it without planning rights');
  });

  test('bad input is refused whole and the form keeps what was typed', async () => {
    const meeting = await buildMeeting();
    const bad = await add(meeting.id, { heading: 'Punkt med fel', otherHids: '2026.999, abc' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Skriv Hid som ÅÅÅÅ\.NUMMER/);
    assert.match(bad.body, /value="Punkt med fel"/);
    const unknown = await add(meeting.id, { heading: 'Punkt med fel', otherHids: '2026.999' });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /Handlingen 2026\.999 finns inte i nämndens diarium/);
    const other = await buildCommittee(t.services, { name: 'Annan nämnd' });
    const foreignSecretary = { ...planner, grants: [{ organisationId: other.committee.id, role: 'secretary' as const }] };
    await t.services.registry.importCodes(foreignSecretary, other.committee.slug, CODES);
    const foreignCase = await t.services.registry.createCase(foreignSecretary, other.committee.slug, { title: 'Annans ärende', classificationCode: '1.3.1.2' });
    const foreign = await add(meeting.id, { heading: 'Fel nämnd', caseId: foreignCase.id });
    assert.equal(foreign.statusCode, 400);
    assert.match(foreign.body, /Ärendet finns inte i nämndens diarium/);
    assert.equal((await add(meeting.id, { heading: '' })).statusCode, 400);
    assert.deepEqual(await positions(meeting.id), []);
  });

  test('an item is edited; its basis is replaced', async () => {
    const meeting = await buildMeeting();
    await add(meeting.id, { heading: 'Före', caseId, documentIds: [publicDoc.id, secretDoc.id] });
    const [id = ''] = await itemIds(meeting.id);
    const form = await secretary.get(`/moten/${meeting.id}/dagordning/${id}/andra`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, new RegExp(`value="${publicDoc.id}" checked`));
    const saved = await secretary.post(`/moten/${meeting.id}/dagordning/${id}/andra`, { kind: 'information', caseId, heading: 'Efter', documentIds: publicDoc.id, recipients: '' });
    assert.equal(saved.statusCode, 302, saved.body.slice(0, 1500));
    const [row] = await db().select().from(agendaItems).where(eq(agendaItems.id, id));
    assert.equal(row?.heading, 'Efter');
    assert.equal(row?.kind, 'information');
    const basis = await db().select().from(agendaItemDocuments).where(eq(agendaItemDocuments.itemId, id));
    assert.deepEqual(basis.map((b) => b.documentId), [publicDoc.id]);
  });

  test('"Flytta upp"/"Flytta ned" swap neighbours; at the ends nothing moves; positions stay gapless', async () => {
    const meeting = await buildMeeting();
    for (const heading of ['A', 'B', 'C', 'D']) await add(meeting.id, { heading });
    const [a = '', , c = '', d = ''] = await itemIds(meeting.id);
    const moved = await secretary.post(`/moten/${meeting.id}/dagordning/${c}/flytta`, { direction: 'up' });
    assert.equal(moved.statusCode, 302);
    assert.equal(moved.headers.location, `/moten/${meeting.id}/dagordning#punkt-${c}`);
    assert.deepEqual(await positions(meeting.id), ['1:A', '2:C', '3:B', '4:D']);
    await secretary.post(`/moten/${meeting.id}/dagordning/${a}/flytta`, { direction: 'down' });
    assert.deepEqual(await positions(meeting.id), ['1:C', '2:A', '3:B', '4:D']);
    await secretary.post(`/moten/${meeting.id}/dagordning/${d}/flytta`, { direction: 'down' });
    await secretary.post(`/moten/${meeting.id}/dagordning/${c}/flytta`, { direction: 'up' });
    assert.deepEqual(await positions(meeting.id), ['1:C', '2:A', '3:B', '4:D']);
    assert.equal((await secretary.post(`/moten/${meeting.id}/dagordning/${c}/flytta`, { direction: 'sideways' })).statusCode, 400);
  });

  test('drag and drop posts the whole order; a stale or partial order is refused and nothing changes', async () => {
    const meeting = await buildMeeting();
    for (const heading of ['A', 'B', 'C']) await add(meeting.id, { heading });
    const [a = '', b = '', c = ''] = await itemIds(meeting.id);
    const csrf = secretary.cookies.get('kansli_csrf') ?? '';
    const json = await t.app.inject({
      method: 'POST',
      url: `/moten/${meeting.id}/dagordning/ordning`,
      headers: { cookie: [...secretary.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      payload: new URLSearchParams([['_csrf', csrf], ['order', c], ['order', a], ['order', b]]).toString(),
    });
    assert.equal(json.statusCode, 200, json.body.slice(0, 500));
    assert.deepEqual(JSON.parse(json.body), { data: [{ id: c, position: 1 }, { id: a, position: 2 }, { id: b, position: 3 }] });
    assert.deepEqual(await positions(meeting.id), ['1:C', '2:A', '3:B']);

    const partial = await secretary.post(`/moten/${meeting.id}/dagordning/ordning`, { order: [a, b] });
    assert.equal(partial.statusCode, 409);
    assert.match(partial.body, /Dagordningen har ändrats sedan sidan laddades/);
    const twice = await secretary.post(`/moten/${meeting.id}/dagordning/ordning`, { order: [a, a, b] });
    assert.equal(twice.statusCode, 409);
    assert.equal((await secretary.post(`/moten/${meeting.id}/dagordning/ordning`, { order: [b, c, a] }, { csrf: null })).statusCode, 403, 'the CSRF token is required');
    assert.deepEqual(await positions(meeting.id), ['1:C', '2:A', '3:B']);

    const plain = await secretary.post(`/moten/${meeting.id}/dagordning/ordning`, { order: `${b},${c},${a}` });
    assert.equal(plain.statusCode, 302);
    assert.deepEqual(await positions(meeting.id), ['1:B', '2:C', '3:A']);
  });

  test('remove asks first; the items after move up', async () => {
    const meeting = await buildMeeting();
    for (const heading of ['A', 'B', 'C']) await add(meeting.id, { heading });
    const [, b = ''] = await itemIds(meeting.id);
    const confirm = await secretary.get(`/moten/${meeting.id}/dagordning/${b}/ta-bort`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Vill du ta bort punkt 2, ”B”/);
    assert.deepEqual(await positions(meeting.id), ['1:A', '2:B', '3:C'], 'showing the question removes nothing');
    assert.equal((await secretary.post(`/moten/${meeting.id}/dagordning/${b}/ta-bort`)).statusCode, 302);
    assert.deepEqual(await positions(meeting.id), ['1:A', '2:C']);
  });

  test('concurrent additions get unique, gapless positions', async () => {
    const meeting = await buildMeeting();
    await Promise.all(Array.from({ length: 8 }, (_, i) => t.services.agenda.addItem(planner, meeting.id, { kind: 'decision', heading: `Punkt ${i}` })));
    const rows = await db().select({ position: agendaItems.position }).from(agendaItems).where(eq(agendaItems.meetingId, meeting.id));
    assert.deepEqual(rows.map((r) => r.position).sort((x, y) => x - y), [1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test('who may do what: members read, planners edit, the public signs in first', async () => {
    const meeting = await buildMeeting();
    await add(meeting.id, { heading: 'A' });
    const [a = ''] = await itemIds(meeting.id);
    assert.equal((await member.get(`/moten/${meeting.id}/dagordning/ny`)).statusCode, 403);
    assert.equal((await member.post(`/moten/${meeting.id}/dagordning/ny`, { kind: 'decision', heading: 'Kapad' })).statusCode, 403);
    assert.equal((await member.post(`/moten/${meeting.id}/dagordning/${a}/flytta`, { direction: 'down' })).statusCode, 403);
    assert.equal((await member.post(`/moten/${meeting.id}/dagordning/${a}/ta-bort`)).statusCode, 403);
    assert.equal((await registrar.post(`/moten/${meeting.id}/dagordning/ordning`, { order: a })).statusCode, 403);
    const anonymous = await new TestClient(t.app).get(`/moten/${meeting.id}/dagordning`);
    assert.equal(anonymous.statusCode, 302);
    assert.match(String(anonymous.headers.location), /^\/logga-in\?next=/);
    assert.deepEqual(await positions(meeting.id), ['1:A']);

    // A secretary of another committee plans nothing here.
    const other = await buildCommittee(t.services, { name: 'Grannämnden' });
    const outsider = { ...planner, grants: [{ organisationId: other.committee.id, role: 'secretary' as const }] };
    await assert.rejects(t.services.agenda.addItem(outsider, meeting.id, { kind: 'decision', heading: 'Intrång' }), (e: unknown) => e instanceof DomainError && e.code === 'FORBIDDEN');
    assert.equal((await member.get(`/moten/00000000-0000-4000-8000-000000000000/dagordning`)).statusCode, 404);
  });

  test('a closed meeting refuses every change with a clear message', async () => {
    const meeting = await buildMeeting();
    await add(meeting.id, { heading: 'A' });
    await add(meeting.id, { heading: 'B' });
    const [a = '', b = ''] = await itemIds(meeting.id);
    await db().update(meetings).set({ status: 'closed' }).where(eq(meetings.id, meeting.id));
    const form = await secretary.get(`/moten/${meeting.id}/dagordning/ny`);
    assert.equal(form.statusCode, 409);
    assert.match(form.body, /Sammanträdet är avslutat/);
    assert.equal((await secretary.get(`/moten/${meeting.id}/dagordning/${a}/andra`)).statusCode, 409);
    const added = await add(meeting.id, { heading: 'Sent tillägg' });
    assert.equal(added.statusCode, 409);
    assert.match(added.body, /Sammanträdet är avslutat\. Dagordningen kan inte längre ändras\./);
    assert.equal((await secretary.post(`/moten/${meeting.id}/dagordning/${a}/andra`, { kind: 'decision', heading: 'Ändrad' })).statusCode, 409);
    assert.equal((await secretary.post(`/moten/${meeting.id}/dagordning/${a}/flytta`, { direction: 'down' })).statusCode, 409);
    assert.equal((await secretary.post(`/moten/${meeting.id}/dagordning/ordning`, { order: [b, a] })).statusCode, 409);
    const removed = await secretary.post(`/moten/${meeting.id}/dagordning/${a}/ta-bort`);
    assert.equal(removed.statusCode, 409);
    assert.match(removed.body, /Sammanträdet är avslutat/);
    assert.deepEqual(await positions(meeting.id), ['1:A', '2:B']);
    const page = await secretary.get(`/moten/${meeting.id}/dagordning`);
    assert.match(page.body, /Sammanträdet är avslutat/);
    assert.doesNotMatch(page.body, /Flytta upp|Lägg till punkt/);
  });

  test('the drag-and-drop script is served as JavaScript to anyone', async () => {
    const response = await new TestClient(t.app).get('/static/agenda-reorder.js');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/javascript/);
    assert.match(response.body, /dagordning|data-reorder-url/);
  });
});
