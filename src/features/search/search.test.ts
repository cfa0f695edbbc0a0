import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { DomainError } from '../../platform/errors.js';
import type { Principal } from '../../platform/auth/policy.js';
import { refineTsquery } from './search-query.js';
import * as repo from './search.repository.js';
import { snippetHtml, snippetParts, visibilityScope } from './search.service.js';
import { MAX_CANDIDATES } from './search.schema.js';

const CODES = 'kod;rubrik;gallring\n2.4.0.2;Ekonomisk uppföljning;Bevaras\n1.3.2.2;Intern kontroll;Bevaras\n';

describe('refineTsquery', () => {
  const cases: [string, string][] = [
    ["'redovisning'", "'redovis':*"],
    ["'planering' & 'budget'", "'planer':* & 'budg':*"],
    ["'ting' & 'ledning'", "'ting':* & 'ledn':*"],
    ["'kostnad' & 'byggn' & 'kommun'", "( 'kostnad':* | 'kostn':* ) & ( 'byggn':* | 'byggnad':* ) & 'kommun':*"],
    ["'e-nämnd' <-> 'e' <-> 'nämnd' & 'beslut'", "'e-nämnd':* & 'beslut':*"],
    ["'e-nämnd' <-> 'e' <-> 'nämnd' <-> 'beslut'", "'e-nämnd':* <3> 'beslut':*"],
    ["'status' & 'status'", "'status':*"],
    ["'status' & 'status' | 'budget'", "'status':* & 'status':* | 'budg':*"],
    ["'it' <-> 's' & 'o''brien'", "'it' <-> 's' & 'o''brien':*"],
    ["'plan' & !'budget'", "'plan':* & ! 'budget'"],
    ["'sårbar'", "'sårbar':*"],
    // Issue 18: the stem of an inflected form also finds its base word's stem (Snowball cuts -s only from the bare form, keeps -et).
    ["'sårbarhetsanalys'", "'sårbarhetsanaly':*"],
    ["'beslutet' & !'beslutet'", "'beslut':* & ! 'beslutet'"],
    ["'status' & 'kurs'", "'status':* & 'kurs':*"],
    ['', ''],
  ];
  for (const [input, expected] of cases) test(`${input || '(empty)'} → ${expected || '(empty)'}`, () => assert.equal(refineTsquery(input), expected));
});

describe('snippets', () => {
  test('highlights become marks, and the HTML form escapes the text first', () => {
    const parts = snippetParts('a < b & \uE000redovisar\uE001 "x" \uE000<script>\uE001');
    assert.deepEqual(parts, [
      { text: 'a < b & ', mark: false },
      { text: 'redovisar', mark: true },
      { text: ' "x" ', mark: false },
      { text: '<script>', mark: true },
    ]);
    assert.equal(snippetHtml(parts), 'a &#60; b &#38; <mark>redovisar</mark> &#34;x&#34; <mark>&#60;script&#62;</mark>');
  });
});

describe('search', () => {
  let t: TestContext;
  let committee: { id: string; slug: string };
  let bodyId: string;
  let secretary: Principal;
  let member: Principal;
  let otherSecretary: Principal;
  const principal = (userId: string, organisationId: string, role: Principal['grants'][number]['role']): Principal => ({ userId, email: `${userId}@example.se`, name: role, grants: [{ organisationId, role }] });

  before(async () => {
    t = await createTestApp({ clock: () => new Date('2026-03-01T09:00:00Z') });
    const built = await buildCommittee(t.services);
    committee = built.committee;
    bodyId = built.body.id;
    const other = await buildCommittee(t.services, { name: 'Annan nämnd' });
    secretary = principal(randomUUID(), committee.id, 'secretary');
    member = principal(randomUUID(), committee.id, 'member');
    otherSecretary = principal(randomUUID(), other.committee.id, 'secretary');
    const { registry } = t.services;
    await registry.importCodes(secretary, committee.slug, CODES);
    const economy = await registry.createCase(secretary, committee.slug, { title: 'Ekonomisk uppföljning 2026', classificationCode: '2.4.0.2' });
    const control = await registry.createCase(secretary, committee.slug, { title: 'Intern kontroll', classificationCode: '1.3.2.2' });
    const doc = (caseId: string, description: string, extra: Record<string, string> = {}) => ({ caseId, direction: 'drawn_up', documentDate: '2026-03-01', description, ...extra });
    await registry.registerDocument(secretary, doc(economy.id, 'Redovisning av utfall per sista oktober'));
    await registry.registerDocument(secretary, doc(control.id, 'Samordnaren redovisar riskanalysen'));
    await registry.registerDocument(secretary, doc(control.id, 'Utredning om kvastfenig leverantör', { secrecy: 'secret', secrecyProvision: 'OSL 31 kap. 16 §' }), {
      filename: 'bilaga.txt',
      bytes: Buffer.from('Bilagan nämner zebrakoden i klartext.'),
    });
    await registry.registerDocument(secretary, doc(control.id, 'Arbetsutkast om grävlingsfrågan', { secrecy: 'internal' }));
    const paragraph = (title: string, content: string, extra: Partial<repo.SearchEntry> = {}) =>
      repo.upsertSearchEntry(t.services.database.db, { kind: 'paragraph', refId: randomUUID(), organisationId: committee.id, year: 2022, bodyId, visibility: 'public', reference: '§ 1', title, content, url: '/p', ...extra });
    await paragraph('Taxa för kopiering', 'Nämnden fastställer taxan för kopiering av allmänna handlingar.');
    await paragraph('Övriga frågor', 'Ordföranden tar upp frågan om kopiering i förbigående bland mycket annat som sades under mötet.', { year: 2021 });
    await paragraph('Skript', 'Texten <script>alert(1)</script> och a < b & c om skriptfrågan.');
  });
  after(() => t.close());

  const search = (p: Principal | null, q: Record<string, unknown>) => t.services.search.search(p, q);
  const titles = async (p: Principal | null, q: Record<string, unknown>) => (await search(p, q)).hits.map((h) => h.title);

  test('Swedish stemming: "redovisningen" finds "redovisning" and "redovisar"', async () => {
    const found = await titles(null, { q: 'redovisningen' });
    assert.ok(found.includes('Redovisning av utfall per sista oktober'), found.join(' | '));
    assert.ok(found.includes('Samordnaren redovisar riskanalysen'), found.join(' | '));
  });

  test('a word in the title ranks above the same word in passing', async () => {
    const result = await search(null, { q: 'kopiering' });
    assert.deepEqual(result.hits.map((h) => h.title), ['Taxa för kopiering', 'Övriga frågor']);
    assert.ok((result.hits[0]?.rank ?? 0) > (result.hits[1]?.rank ?? 0));
    assert.equal(result.total, 2);
    assert.deepEqual(result.facets.years, [{ year: 2022, count: 1 }, { year: 2021, count: 1 }]);
    assert.deepEqual(result.facets.kinds, [{ kind: 'paragraph', count: 2 }]);
    assert.ok(result.hits[0]?.snippet.some((p) => p.mark && /kopiering/i.test(p.text)));
  });

  test('filters: year, kind, classification code and body', async () => {
    assert.deepEqual(await titles(null, { q: 'kopiering', year: '2021' }), ['Övriga frågor']);
    assert.deepEqual(await titles(null, { q: 'kopiering', kind: 'case' }), []);
    assert.deepEqual(await titles(null, { q: 'kontroll', kind: 'case' }), ['Intern kontroll']);
    assert.deepEqual(await titles(null, { q: 'redovisningen', classificationCode: '2.4.0.2' }), ['Redovisning av utfall per sista oktober']);
    assert.equal((await search(null, { q: 'kopiering', bodyId })).total, 2);
    assert.equal((await search(null, { q: 'kopiering', bodyId: randomUUID() })).total, 0);
  });

  test('a secret document is never found by the public or a member, but by a secretary of its committee', async () => {
    for (const q of ['kvastfenig', 'zebrakoden']) {
      assert.equal((await search(null, { q })).total, 0, `anonymous: ${q}`);
      assert.equal((await search(member, { q })).total, 0, `member: ${q}`);
      assert.equal((await search(otherSecretary, { q })).total, 0, `secretary elsewhere: ${q}`);
      assert.ok((await search(secretary, { q })).total >= 1, `secretary: ${q}`);
    }
  });

  test('an internal draft is found by signed-in users only', async () => {
    assert.equal((await search(null, { q: 'grävlingsfrågan' })).total, 0);
    assert.equal((await search(member, { q: 'grävlingsfrågan' })).total, 1);
  });

  test('visibility scope follows the policy table', () => {
    assert.deepEqual(visibilityScope(null), { memberOf: [], restrictedIn: [] });
    assert.deepEqual(visibilityScope(member), { memberOf: [committee.id], restrictedIn: [] });
    assert.deepEqual(visibilityScope(secretary), { memberOf: [committee.id], restrictedIn: [committee.id] });
  });

  test('stop words only: an empty answer that says so; bad input is refused', async () => {
    const result = await search(null, { q: 'och att' });
    assert.equal(result.stopWordsOnly, true);
    assert.equal(result.total, 0);
    const invalid = (e: unknown) => e instanceof DomainError && e.code === 'INVALID_INPUT';
    await assert.rejects(search(null, { q: '' }), invalid);
    await assert.rejects(search(null, { q: 'x', year: 'abc' }), invalid);
  });

  test('many matches: at most 200 ranked and counted, the scan and the index agree', async () => {
    const db = t.services.database.db;
    for (let i = 0; i < MAX_CANDIDATES + 20; i += 1) {
      await repo.upsertSearchEntry(db, { kind: 'paragraph', refId: randomUUID(), organisationId: committee.id, year: 2019 + (i % 3), visibility: 'public', reference: `§ ${i}`, title: `Ärende ${i}`, content: 'Frågan om bredbandsutbyggnad i länet.', url: '/p' });
    }
    const result = await search(null, { q: 'bredbandsutbyggnad', limit: 20, offset: 180 });
    assert.deepEqual([result.total, result.capped, result.hits.length], [MAX_CANDIDATES, true, 20]);
    const filter: repo.SearchFilter = { scope: visibilityScope(null) };
    const options = { tsquery: refineTsquery((await repo.parseWebQuery(db, 'bredbandsutbyggnad')).tsquery), filter, candidates: 50, limit: 5, offset: 0, headlineOptions: 'MaxWords=10, MinWords=5' };
    const viaScan = await repo.findEntries(db, { ...options, scan: true });
    const viaIndex = await repo.findEntries(db, { ...options, scan: false });
    assert.equal(viaScan.facets.reduce((s, f) => s + f.n, 0), 50);
    assert.equal(viaIndex.facets.reduce((s, f) => s + f.n, 0), 50);
    assert.deepEqual((await repo.findEntries(db, { ...options, scan: true, candidates: 1000 })).facets.sort((a, b) => a.year - b.year), (await repo.findEntries(db, { ...options, candidates: 1000, scan: false })).facets.sort((a, b) => a.year - b.year));
  });

  describe('/sok', () => {
    test('anonymous: public hits with highlighted, escaped snippets and a count', async () => {
      const client = new TestClient(t.app);
      const page = await client.get('/sok?q=skriptfr%C3%A5gan');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /1 träff för ”skriptfrågan”/);
      assert.match(page.body, /<mark>skriptfrågan<\/mark>/);
      assert.doesNotMatch(page.body, /<script>alert/);
      assert.match(page.body, /Logga in för att söka/);
    });

    test('no hits: a Swedish message; a secret word gives nothing anonymously', async () => {
      const page = await new TestClient(t.app).get('/sok?q=zebrakoden');
      assert.match(page.body, /Inga träffar för ”zebrakoden”/);
    });

    test('pagination and filters in the links; a bad year shows the form with a message', async () => {
      const client = new TestClient(t.app);
      const first = await client.get('/sok?q=bredbandsutbyggnad');
      assert.match(first.body, /Fler än 200 träffar/);
      assert.match(first.body, /href="\/sok\?q=bredbandsutbyggnad&amp;page=2"/);
      const last = await client.get('/sok?q=bredbandsutbyggnad&page=10');
      assert.match(last.body, /aria-current="page">Sida 10</);
      const filtered = await client.get('/sok?q=bredbandsutbyggnad&year=2019&kind=paragraph');
      assert.match(filtered.body, /träffar för/);
      const bad = await client.get('/sok?q=x&year=tjugo');
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /error-summary/);
    });

    test('a signed-in secretary finds the secret document; "Sök" is in the menu', async () => {
      const user = await buildUser(t.services, { organisationId: committee.id, roles: ['secretary'] });
      const client = new TestClient(t.app);
      await client.signIn(user.email);
      const page = await client.get('/sok?q=zebrakoden');
      assert.match(page.body, /1 träff/);
      assert.match(page.body, /href="\/sok"/);
    });
  });
});
