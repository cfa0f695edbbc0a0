import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { signedInAs } from '../../../test/support/factories.js';
import { mandates, organisations, people, populations } from './organisation.tables.js';

describe('organisation pages', () => {
  let t: TestContext;
  let org: Awaited<ReturnType<typeof buildCommittee>>;
  let admin: TestClient;
  let member: TestClient;

  before(async () => {
    // A fixed day inside the mandates' term, so that the test does not age.
    t = await createTestApp({ clock: () => new Date('2025-06-01T10:00:00Z') });
    org = await buildCommittee(t.services, { name: 'Provnämnden' });
    admin = await signedInAs(t, org.committee.id, ['admin']);
    member = await signedInAs(t, org.committee.id, ['member']);
  });
  after(() => t.close());

  test('everyone signed in reads the committee and its municipalities; only admins see edit links', async () => {
    const asMember = await member.get('/organisation');
    assert.equal(asMember.statusCode, 200);
    assert.match(asMember.body, /Provnämnden/);
    assert.match(asMember.body, /Testby kommun/);
    assert.doesNotMatch(asMember.body, /ny-kommun/);
    assert.match((await admin.get('/organisation')).body, /ny-kommun/);
    assert.doesNotMatch((await member.get(`/organisation/${org.municipality.slug}`)).body, /\/andra"/);
  });

  test('an administrator adds a municipality; bad input is refused whole and the typed values stay', async () => {
    const bad = await admin.post(`/organisation/${org.committee.slug}/ny-kommun`, { name: 'Nyby kommun', slug: 'Ny By', orgNumber: '123' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Endast a–z, 0–9 och bindestreck/);
    assert.match(bad.body, /Organisationsnummer skrivs 212000-2494/);
    assert.match(bad.body, /value="Nyby kommun"/);
    const count = async () => (await t.services.database.db.select().from(organisations).where(eq(organisations.committeeId, org.committee.id))).length;
    assert.equal(await count(), 1);

    const slug = `nyby-${process.pid}`;
    const ok = await admin.post(`/organisation/${org.committee.slug}/ny-kommun`, { name: 'Nyby kommun', slug, orgNumber: '212000-0000' });
    assert.equal(ok.statusCode, 302);
    assert.equal(ok.headers.location, `/organisation/${slug}`);
    assert.equal(await count(), 2);
    const dup = await admin.post(`/organisation/${org.committee.slug}/ny-kommun`, { name: 'Annan', slug });
    assert.equal(dup.statusCode, 409);
    assert.match(dup.body, /används redan/);
  });

  test('issue 20 — the committee admin sets how the protocols name the committee and the registry series code', async () => {
    const form = await admin.get(`/organisation/${org.committee.slug}/andra`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Nämndens namn i protokollen/);
    assert.doesNotMatch((await admin.get(`/organisation/${org.municipality.slug}/andra`)).body, /Nämndens namn i protokollen/, 'a municipality has no protocols of its own');
    const bad = await admin.post(`/organisation/${org.committee.slug}/andra`, { name: 'Provnämnden', slug: org.committee.slug, protocolShortName: 'P-nämnden', registryCode: 'p namnd' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Seriekoden skrivs med versaler/);
    assert.match(bad.body, /value="P-nämnden"/, 'the typed value stays');
    const ok = await admin.post(`/organisation/${org.committee.slug}/andra`, { name: 'Provnämnden', slug: org.committee.slug, protocolShortName: 'P-nämnden', registryCode: 'P-NAMND' });
    assert.equal(ok.statusCode, 302);
    const [row] = await t.services.database.db.select().from(organisations).where(eq(organisations.id, org.committee.id));
    assert.equal(row?.settings.shortName, 'P-nämnden');
    assert.equal(row?.settings.registryCode, 'P-NAMND');
    const { letterheadOf, decisionHeading } = await import('../protocols/protocol-wording.js');
    const letterhead = letterheadOf({ settings: row?.settings ?? {}, hostName: null, bodyName: 'Provnämnden', isCommitteeBody: true });
    assert.equal(decisionHeading(letterhead.shortName), 'P-nämndens beslut');
    assert.equal(letterhead.registryCode, 'P-NAMND');
    assert.match((await admin.get(`/organisation/${org.committee.slug}/andra`)).body, /value="P-NAMND"/, 'the form shows what is stored');
  });

  test('a member cannot change anything, even by posting directly', async () => {
    const response = await member.post(`/organisation/${org.municipality.slug}/andra`, { name: 'Kapad', slug: org.municipality.slug });
    assert.equal(response.statusCode, 403);
    const [row] = await t.services.database.db.select().from(organisations).where(eq(organisations.id, org.municipality.id));
    assert.equal(row?.name, 'Testby kommun');
  });

  test('an admin of another committee cannot edit this one', async () => {
    const other = await buildCommittee(t.services, { name: 'Annan nämnd' });
    const outsider = await signedInAs(t, other.committee.id, ['admin']);
    const response = await outsider.post(`/organisation/${org.municipality.slug}/befolkning`, { year: '2022', population: '1000', source: 'SCB' });
    assert.equal(response.statusCode, 403);
  });

  test('population per year is recorded, corrected, and shown with thousands separated', async () => {
    const first = await admin.post(`/organisation/${org.municipality.slug}/befolkning`, { year: '2022', population: '79 183', source: 'SCB 2022' });
    assert.equal(first.statusCode, 302);
    await admin.post(`/organisation/${org.municipality.slug}/befolkning`, { year: '2022', population: '79184', source: 'SCB 2022, rättad' });
    const rows = await t.services.database.db.select().from(populations).where(eq(populations.organisationId, org.municipality.id));
    assert.deepEqual(rows.map((r) => [r.year, r.population, r.source]), [[2022, 79184, 'SCB 2022, rättad']]);
    assert.match((await admin.get(`/organisation/${org.municipality.slug}`)).body, /79 184/);
    const bad = await admin.post(`/organisation/${org.municipality.slug}/befolkning`, { year: 'tjugo', population: '-5', source: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Ange ett heltal|Minst 0/);
  });

  test('a mandate is added, changed, and removed only after confirmation', async () => {
    const created = await admin.post('/personer/ny', { name: 'Greta Granlund', organisationId: org.municipality.id, email: 'greta@example.se' });
    assert.equal(created.statusCode, 302);
    const personId = String(created.headers.location).split('/').pop() ?? '';
    const base = { personId, bodyId: org.body.id, municipalityId: org.municipality.id, role: 'member', position: 'chair', termFrom: '2023-01-01', termTo: '2026-12-31' };

    const backwards = await admin.post('/uppdrag/ny', { ...base, termTo: '2020-01-01' });
    assert.equal(backwards.statusCode, 400);
    assert.match(backwards.body, /kan inte sluta före den börjar/);
    const chairSubstitute = await admin.post('/uppdrag/ny', { ...base, role: 'substitute' });
    assert.equal(chairSubstitute.statusCode, 400);

    assert.equal((await admin.post('/uppdrag/ny', base)).statusCode, 302);
    const [mandate] = await t.services.database.db.select().from(mandates).where(eq(mandates.personId, personId));
    assert.equal(mandate?.position, 'chair');
    const bodyPage = await member.get(`/organ/${org.body.id}`);
    assert.match(bodyPage.body, /Greta Granlund/);
    assert.match(bodyPage.body, /Ledamot, ordförande/);

    assert.equal((await admin.post(`/uppdrag/${mandate?.id}/andra`, { ...base, position: '', termTo: '' })).statusCode, 302);
    const [changed] = await t.services.database.db.select().from(mandates).where(eq(mandates.personId, personId));
    assert.equal(changed?.position, null);
    assert.equal(changed?.termTo, null);

    const confirm = await admin.get(`/uppdrag/${mandate?.id}/ta-bort`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Vill du verkligen ta bort uppdraget för Greta Granlund/);
    assert.equal((await t.services.database.db.select().from(mandates).where(eq(mandates.personId, personId))).length, 1, 'asking deletes nothing');
    assert.equal((await admin.post(`/uppdrag/${mandate?.id}/ta-bort`)).statusCode, 302);
    assert.equal((await t.services.database.db.select().from(mandates).where(eq(mandates.personId, personId))).length, 0);
  });

  test('the people list is searched and sorted in Swedish order on the server', async () => {
    const db = t.services.database.db;
    await db.insert(people).values([{ name: 'Åsa Öberg' }, { name: 'Anna Zetterberg' }, { name: 'Örjan Ask' }, { name: 'Zelda Ahl' }]);
    const body = (await member.get('/personer?sort=name')).body;
    const order = ['Anna Zetterberg', 'Zelda Ahl', 'Åsa Öberg', 'Örjan Ask'].map((n) => body.indexOf(n));
    assert.ok(order.every((i) => i > 0));
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'Z before Å before Ö');
    const desc = (await member.get('/personer?sort=name&dir=desc')).body;
    assert.ok(desc.indexOf('Örjan Ask') < desc.indexOf('Anna Zetterberg'));
    const searched = (await member.get('/personer?q=%C3%B6berg')).body;
    assert.match(searched, /Åsa Öberg/);
    assert.doesNotMatch(searched, /Zelda Ahl/);
  });

  test('the JSON API presents organisations without database internals', async () => {
    const token = await t.services.auth.createApiToken({ userId: (await buildUser(t.services, { organisationId: org.committee.id, roles: ['auditor'] })).id, email: 'x', name: 'x', grants: [] }, 'test');
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${org.municipality.slug}`, headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.statusCode, 200);
    const data = response.json().data;
    assert.equal(data.slug, org.municipality.slug);
    assert.equal(data.createdAt, undefined);
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/organisations/finns-inte', headers: { authorization: `Bearer ${token}` } });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.message.sv, 'Organisationen finns inte.');
  });

  test('an unknown page says so in Swedish with a way back; a bad id is a 404, not a 500', async () => {
    const missing = await member.get('/organ/not-a-uuid');
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /Sidan finns inte/);
    assert.equal((await member.get('/personer/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    const count = await t.services.database.query<{ n: number }>(sql`select count(*)::int as n from audit_log`);
    assert.ok((count[0]?.n ?? 0) > 0);
  });
});
