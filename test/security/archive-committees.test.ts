/**
 * Issue 15: two committees on one installation each keep their own archive and processing
 * register. Committee B's archivist and admin see only B's plan, deliveries, disposal lists, holds,
 * archived packages, register and people, and cannot open A's by id; a user with roles in both
 * chooses the committee and then stays in it; a municipality's role counts in neither.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../support/app.js';
import { principalOf } from '../support/publication-fixtures.js';
import { archivedObjects, disposalLists, legalHolds, retentionRules } from '../../src/features/archive/archive.tables.js';
import { roleAssignments } from '../../src/features/auth/auth.tables.js';
import { people, type OrganisationRow } from '../../src/features/organisation/organisation.tables.js';
import { personalDataProcessing } from '../../src/features/privacy/privacy.tables.js';
import type { Principal } from '../../src/platform/auth/policy.js';
import { readPackage } from '../../src/features/archive/archive-import.service.js';
import { requireCommitteeById } from '../../src/features/archive/archive-scope.js';
// The command table first: it imports the archive commands (which import its UsageError back).
import { UsageError } from '../../src/cli/command.js';
import { committeeOfCommand } from '../../src/cli/archive.js';

const CLI_ACTOR = { userId: null, label: 'cli' };

/** Everything one committee's archive holds, with a marker text that names the committee. */
interface ArchiveOf {
  committee: OrganisationRow;
  municipalitySlug: string;
  municipalityId: string;
  marker: string;
  admin: { email: string; principal: Principal };
  registrar: { id: string; email: string };
  ruleId: string;
  deliveryId: string;
  deliveryPackageId: string;
  listId: string;
  holdId: string;
  packageId: string;
  archivedFileId: string;
  processingId: string;
  personId: string;
}

describe('two committees, two archives (issue 15)', () => {
  let t: TestContext;
  let now = new Date('2020-03-02T10:00:00Z');
  let out: string;
  let a: ArchiveOf;
  let b: ArchiveOf;
  let both: { id: string; email: string };
  let kalixRegistrar: { email: string };

  async function buildArchive(name: string, marker: string): Promise<ArchiveOf> {
    const { services } = t;
    const { committee, municipality } = await buildCommittee(services, { name });
    const adminUser = await buildUser(services, { organisationId: committee.id, roles: ['admin', 'registrar'] });
    const admin = { email: adminUser.email, principal: await principalOf(services, adminUser.id) };
    const registrar = await buildUser(services, { organisationId: committee.id, roles: ['registrar'] });
    const p = admin.principal;
    await services.registry.importCodes(p, committee.slug, `kod;rubrik;gallring\n2.3;Arbetsmiljö ${marker};Gallras efter 2 år\n2.4;Tvister ${marker};Bevaras\n`);
    await services.archive.plan.importPlan(p, committee, 'kod;åtgärd;gallringsfrist\n2.3;gallras;2\n2.4;bevaras;\n');
    const [rule] = await services.database.db.select().from(retentionRules).where(eq(retentionRules.committeeId, committee.id));
    const due = await services.registry.createCase(p, committee.slug, { title: `Skyddsronder ${marker}`, classificationCode: '2.3' });
    await services.registry.registerDocument(p, { caseId: due.id, direction: 'drawn_up', documentDate: '2020-03-01', description: `Skyddsrond ${marker}` }, { filename: 'rond.txt', bytes: Buffer.from(`rond ${marker}`) });
    await services.registry.setCaseStatus(p, due.id, 'closed');
    const held = await services.registry.createCase(p, committee.slug, { title: `Tvist ${marker}`, classificationCode: '2.4' });
    const hold = await services.archive.disposal.placeHold(p, committee, { reference: `${held.year}/${held.number}`, reason: `Tvist ${marker}` });

    const delivery = await services.archive.deliveries.exportYearToFolder(CLI_ACTOR, { year: 2020, dir: out, committee });
    assert.equal(delivery.status, 'done');
    const pkg = await services.archive.archived.importPackage(CLI_ACTOR, committee, await readPackage(path.join(out, delivery.packageId)));
    const [file] = await services.database.db.select().from(archivedObjects).where(eq(archivedObjects.packageId, pkg.id));
    const processing = await services.privacy.createProcessing(p, committee, {
      name: `Behandling ${marker}`,
      purpose: 'Diarieföring',
      legalBasis: 'Rättslig förpliktelse',
      categoriesOfData: 'Namn',
      categoriesOfPeople: 'Avsändare',
      recipients: 'Allmänheten',
      thirdCountryTransfers: 'Inga.',
      retention: 'Enligt planen',
      securityMeasures: 'Tvåfaktorsinloggning',
    });
    const [person] = await services.database.db.insert(people).values({ name: `Person ${marker}`, organisationId: municipality.id }).returning();
    return {
      committee,
      municipalitySlug: municipality.slug,
      municipalityId: municipality.id,
      marker,
      admin,
      registrar,
      ruleId: rule?.id ?? '',
      deliveryId: delivery.id,
      deliveryPackageId: delivery.packageId,
      listId: '',
      holdId: hold.id,
      packageId: pkg.id,
      archivedFileId: file?.id ?? '',
      processingId: processing.id,
      personId: person?.id ?? '',
    };
  }

  before(async () => {
    t = await createTestApp({ clock: () => now });
    out = await mkdtemp(path.join(tmpdir(), 'kansli-two-archives-'));
    a = await buildArchive('Nämnd Alfa', 'ALFA-4417');
    b = await buildArchive('Nämnd Beta', 'BETA-9023');
    now = new Date('2026-03-10T10:00:00Z');
    for (const x of [a, b]) x.listId = (await t.services.archive.disposal.propose(x.admin.principal, x.committee)).id;
    both = await buildUser(t.services, { organisationId: a.committee.id, roles: ['admin'] });
    await t.services.database.db.insert(roleAssignments).values({ userId: both.id, organisationId: b.committee.id, role: 'admin' });
    // A member municipality of A with an archive-capable role of its own.
    kalixRegistrar = await buildUser(t.services, { organisationId: a.municipalityId, roles: ['registrar', 'admin'] });
  });
  after(async () => {
    await t.close();
    await rm(out, { recursive: true, force: true });
  });

  const signedIn = async (email: string) => {
    const client = new TestClient(t.app);
    await client.signIn(email);
    return client;
  };

  test('committee B’s admin sees only B’s plan, deliveries, disposal lists, holds, packages, register and people', async () => {
    const client = await signedIn(b.admin.email);
    const pages: [path: string, ownOf: (x: ArchiveOf) => string][] = [
      ['/arkiv/dokumenthanteringsplan', (x) => `Arbetsmiljö ${x.marker}`],
      ['/arkiv/leveranser', (x) => x.deliveryPackageId],
      ['/arkiv/gallring', (x) => x.listId],
      ['/arkiv/gallring', (x) => `Tvist ${x.marker}`],
      ['/arkiv/arkiverat', (x) => x.packageId],
      ['/dataskydd', (x) => `Behandling ${x.marker}`],
      ['/dataskydd/personer', (x) => `Person ${x.marker}`],
    ];
    for (const [url, ownOf] of pages) {
      const response = await client.get(url);
      assert.equal(response.statusCode, 200, url);
      assert.ok(response.body.includes(ownOf(b)), `${url} shows B’s own`);
      assert.ok(!response.body.includes(ownOf(a)), `${url} leaks A’s`);
      assert.match(response.body, /<h1>[^<]*Nämnd Beta<\/h1>/, `${url} names the committee in its heading`);
    }
  });

  test('committee B’s archivist (registrar) reads B’s lists and nothing of A’s', async () => {
    const client = await signedIn(b.registrar.email);
    const deliveries = await client.get('/arkiv/leveranser');
    assert.equal(deliveries.statusCode, 200);
    assert.ok(deliveries.body.includes(b.deliveryPackageId) && !deliveries.body.includes(a.deliveryPackageId));
    const archived = await client.get('/arkiv/arkiverat');
    assert.ok(archived.body.includes(b.packageId) && !archived.body.includes(a.packageId));
    // The services, asked directly, answer the same.
    const principal = await principalOf(t.services, b.registrar.id);
    const lists = (await t.services.archive.disposal.overview(principal, b.committee)).lists.map((l) => l.id);
    assert.deepEqual(lists, [b.listId]);
    assert.deepEqual((await t.services.archive.deliveries.listDeliveries(principal, b.committee)).map((d) => d.id), [b.deliveryId]);
    assert.deepEqual((await t.services.archive.archived.listPackages(principal, b.committee)).map((p) => p.id), [b.packageId]);
    await assert.rejects(t.services.archive.deliveries.listDeliveries(principal, a.committee), { code: 'FORBIDDEN' });
  });

  test('committee B’s admin cannot open or change A’s delivery, rule, list, hold, package, file, processing or person by id', async () => {
    const client = await signedIn(b.admin.email);
    const gets = [
      `/arkiv/leveranser/${a.deliveryId}`,
      `/arkiv/leveranser/${a.deliveryId}/paket.zip`,
      `/arkiv/dokumenthanteringsplan/${a.ruleId}`,
      `/arkiv/gallring/${a.listId}`,
      `/arkiv/gallring/${a.listId}/verkstall`,
      `/arkiv/arkiverat/${a.packageId}`,
      `/arkiv/arkiverat/filer/${a.archivedFileId}`,
      `/dataskydd/behandlingar/${a.processingId}`,
      `/dataskydd/personer/${a.personId}`,
      `/dataskydd/personer/${a.personId}/utdrag.json`,
    ];
    for (const url of gets) {
      const response = await client.get(url);
      assert.ok([403, 404].includes(response.statusCode), `${url}: ${response.statusCode}`);
      assert.ok(!response.body.includes(a.marker), `${url} shows nothing of A’s`);
    }
    const posts: [string, Record<string, string>][] = [
      [`/arkiv/dokumenthanteringsplan/${a.ruleId}`, { classificationCode: '2.3', action: 'keep', retentionYears: '' }],
      [`/arkiv/gallring/${a.listId}/godkann`, { approvedByName: 'Kapare' }],
      [`/arkiv/gallring/${a.listId}/avbryt`, {}],
      [`/arkiv/sparrar/${a.holdId}/hav`, {}],
      [`/dataskydd/behandlingar/${a.processingId}`, { name: 'Kapad', legalBasis: 'x' }],
      [`/dataskydd/personer/${a.personId}/pseudonymisera`, {}],
    ];
    for (const [url, form] of posts) {
      const response = await client.post(url, form);
      assert.ok([403, 404].includes(response.statusCode), `${url}: ${response.statusCode}`);
    }
    const db = t.services.database.db;
    assert.equal((await db.select().from(disposalLists).where(eq(disposalLists.id, a.listId)))[0]?.status, 'proposed');
    assert.equal((await db.select().from(legalHolds).where(eq(legalHolds.id, a.holdId)))[0]?.releasedAt, null);
    assert.equal((await db.select().from(retentionRules).where(eq(retentionRules.id, a.ruleId)))[0]?.action, 'dispose');
    assert.equal((await db.select().from(personalDataProcessing).where(eq(personalDataProcessing.id, a.processingId)))[0]?.name, `Behandling ${a.marker}`);
    assert.equal((await db.select().from(people).where(eq(people.id, a.personId)))[0]?.pseudonymisedAt, null);
    // Each admin opens its own committee's objects (the refusal above is by committee, not for everyone).
    const own = await signedIn(a.admin.email);
    for (const url of [`/arkiv/leveranser/${a.deliveryId}`, `/arkiv/gallring/${a.listId}`, `/arkiv/arkiverat/${a.packageId}`, `/dataskydd/behandlingar/${a.processingId}`, `/dataskydd/personer/${a.personId}`]) {
      const response = await own.get(url);
      assert.equal(response.statusCode, 200, url);
      assert.match(response.body, /Nämnd Alfa/, `${url} names its committee`);
    }
    for (const url of [`/arkiv/gallring/${b.listId}`, `/arkiv/arkiverat/${b.packageId}`]) assert.equal((await client.get(url)).statusCode, 200, url);
  });

  test('naming the other committee is refused; an unknown committee or a municipality is not found', async () => {
    const client = await signedIn(b.admin.email);
    for (const url of ['/arkiv', '/arkiv/leveranser', '/arkiv/gallring', '/arkiv/arkiverat', '/arkiv/dokumenthanteringsplan', '/dataskydd', '/dataskydd/personer']) {
      const named = await client.get(`${url}?namnd=${a.committee.slug}`);
      assert.equal(named.statusCode, 403, `${url} in A`);
      assert.ok(!named.body.includes(a.marker));
      assert.equal((await client.get(`${url}?namnd=finns-inte`)).statusCode, 404, `${url} unknown`);
      assert.equal((await client.get(`${url}?namnd=${a.municipalitySlug}`)).statusCode, 404, `${url} municipality`);
    }
    const created = await client.post(`/dataskydd/behandlingar/ny?namnd=${a.committee.slug}`, { name: 'Kapad', purpose: 'x', legalBasis: 'x', thirdCountryTransfers: 'Inga.', securityMeasures: 'x' });
    assert.equal(created.statusCode, 403);
    const held = await client.post(`/arkiv/sparrar?namnd=${a.committee.slug}`, { reference: '2020/2', reason: 'Kapad' });
    assert.equal(held.statusCode, 403);
  });

  test('a user with roles in both committees chooses one, then stays in it', async () => {
    const client = await signedIn(both.email);
    const chooser = await client.get('/arkiv');
    assert.equal(chooser.statusCode, 200);
    assert.match(chooser.body, /Välj nämnd/);
    for (const x of [a, b]) assert.ok(chooser.body.includes(`href="/arkiv?namnd=${x.committee.slug}"`), `links to ${x.committee.name}`);
    assert.ok(!chooser.body.includes(a.marker) && !chooser.body.includes(b.marker), 'the chooser shows neither archive');
    for (const url of ['/arkiv/leveranser', '/dataskydd', '/dataskydd/personer']) assert.match((await client.get(url)).body, /Välj nämnd/, url);

    const home = await client.get(`/arkiv?namnd=${b.committee.slug}`);
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<h1>[^<]*Nämnd Beta<\/h1>/);
    // The page's own links (the main menu's "Arkiv" leads to the choice again, by design).
    const main = home.body.slice(home.body.indexOf('<main'), home.body.indexOf('</main>'));
    const links = [...main.matchAll(/href="(\/(?:arkiv|dataskydd)[^"]*)"/g)].map((m) => m[1] ?? '');
    assert.ok(links.length >= 5);
    for (const link of links) assert.ok(link.includes(`namnd=${b.committee.slug}`), `${link} keeps the committee`);

    const deliveries = await client.get(`/arkiv/leveranser?namnd=${b.committee.slug}`);
    assert.ok(deliveries.body.includes(b.deliveryPackageId) && !deliveries.body.includes(a.deliveryPackageId));
    // Every form of the page keeps the committee: a POST in its address, a GET (search) as a field.
    const forms = [...deliveries.body.matchAll(/<form([^>]*)>([\s\S]*?)<\/form>/g)].filter((m) => /action="\/arkiv/.test(m[1] ?? ''));
    assert.ok(forms.length >= 2);
    for (const [, attrs = '', inner = ''] of forms) {
      const kept = /method="get"/i.test(attrs) ? inner.includes(`name="namnd" value="${b.committee.slug}"`) : attrs.includes(`namnd=${b.committee.slug}`);
      assert.ok(kept, `form ${attrs} keeps the committee`);
    }

    // A form of the chosen committee acts in it; one sent without a committee changes nothing.
    const form = { name: 'Behandling vald', purpose: 'x', legalBasis: 'x', recipients: 'Inga', thirdCountryTransfers: 'Inga.', securityMeasures: 'x' };
    const unchosen = await client.post('/dataskydd/behandlingar/ny', form);
    assert.equal(unchosen.statusCode, 400);
    assert.match(unchosen.body, /Välj nämnd/);
    const db = t.services.database.db;
    assert.equal((await db.select().from(personalDataProcessing).where(eq(personalDataProcessing.name, form.name))).length, 0);
    const chosen = await client.post(`/dataskydd/behandlingar/ny?namnd=${b.committee.slug}`, form);
    assert.equal(chosen.statusCode, 302);
    assert.equal(chosen.headers.location, `/dataskydd?namnd=${b.committee.slug}`);
    const rows = await db.select().from(personalDataProcessing).where(eq(personalDataProcessing.name, form.name));
    assert.deepEqual(rows.map((r) => r.committeeId), [b.committee.id]);
    const register = await client.get(String(chosen.headers.location));
    assert.ok(register.body.includes(form.name) && register.body.includes(`Behandling ${b.marker}`) && !register.body.includes(`Behandling ${a.marker}`));
  });

  test('the committee is the only one where the user holds the page’s role: a municipality role never counts', async () => {
    // A's admin who is only a registrar in B: the people page (admin only) goes straight to A; the archive asks.
    const db = t.services.database.db;
    const user = await buildUser(t.services, { organisationId: a.committee.id, roles: ['admin'] });
    await db.insert(roleAssignments).values({ userId: user.id, organisationId: b.committee.id, role: 'registrar' });
    const client = await signedIn(user.email);
    const peoplePage = await client.get('/dataskydd/personer');
    assert.equal(peoplePage.statusCode, 200);
    assert.ok(peoplePage.body.includes(`Person ${a.marker}`) && !peoplePage.body.includes(`Person ${b.marker}`));
    assert.match((await client.get('/arkiv')).body, /Välj nämnd/);
    // A municipality's registrar and admin: no committee of theirs, so no archive at all.
    const kalix = await signedIn(kalixRegistrar.email);
    for (const url of ['/arkiv', '/arkiv/leveranser', '/dataskydd', '/dataskydd/personer']) assert.equal((await kalix.get(url)).statusCode, 403, url);
  });

  test('the command line names the committee when there are several', async () => {
    await assert.rejects(committeeOfCommand(t.services, {}), (e: unknown) => e instanceof UsageError && /--namnd SLUG/.test(e.message));
    assert.equal((await committeeOfCommand(t.services, { namnd: b.committee.slug })).id, b.committee.id);
    await assert.rejects(committeeOfCommand(t.services, { namnd: a.municipalitySlug }), UsageError);
    assert.equal((await requireCommitteeById(t.services.database.db, a.committee.id)).slug, a.committee.slug);
  });
});
