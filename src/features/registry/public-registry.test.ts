/**
 * Offentlighetsprincipen with its limits: anyone may read the registry, but a secret document's
 * content, sender and files never leave the server, and an internal draft does not exist for
 * the public. Markers are planted in every secret field and walked past every public route.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { signedInAs } from '../../../test/support/factories.js';
import type { Principal } from '../../platform/auth/policy.js';

const SECRET_MARKER = 'HEMLIG-MARKÖR-test';
const INTERNAL_MARKER = 'INTERN-MARKÖR-test';
// The ASCII part: found however the Ö is escaped (HTML entity, JSON, percent-encoding).
const LEAKS = [/HEMLIG-MARK/i, /INTERN-MARK/i];

describe('the public registry', () => {
  let t: TestContext;
  let slug = '';
  let committeeId = '';
  let caseId = '';
  const docs = { public: '', secret: '', internal: '' };
  const files = { public: '', secret: '', internal: '' };

  before(async () => {
    t = await createTestApp({ clock: () => new Date('2026-04-01T09:00:00Z') });
    const { committee } = await buildCommittee(t.services, { name: 'Öppenhetsnämnden' });
    slug = committee.slug;
    committeeId = committee.id;
    const user = await buildUser(t.services, { organisationId: committee.id, roles: ['registrar'] });
    const registrar: Principal = { userId: user.id, email: user.email, name: 'Registrator', grants: [{ organisationId: committee.id, role: 'registrar' }] };
    const { registry } = t.services;
    await registry.importCodes(registrar, slug, 'kod;rubrik;gallring\n2.5.1.3;Informationssäkerhet;Bevaras\n');
    const c = await registry.createCase(registrar, slug, { title: 'Granskning av datacentret', classificationCode: '2.5.1.3' });
    caseId = c.id;
    const base = { caseId, documentDate: '2026-04-01' };
    const pub = await registry.registerDocument(registrar, { ...base, direction: 'drawn_up', description: 'Tjänsteskrivelse om granskningen' }, { filename: 'skrivelse.txt', bytes: Buffer.from('Offentlig skrivelse') });
    const secret = await registry.registerDocument(
      registrar,
      {
        ...base,
        direction: 'incoming',
        counterpart: `Granskaren ${SECRET_MARKER}`,
        description: `Sårbarheter i brandväggen ${SECRET_MARKER}`,
        secrecy: 'secret',
        secrecyProvision: 'OSL 18 kap. 8 §',
        publicDescription: 'Granskningsrapport om säkerhetsåtgärder',
      },
      { filename: `rapport-${SECRET_MARKER}.txt`, bytes: Buffer.from(`Lösenordet är ${SECRET_MARKER}`) },
    );
    const internal = await registry.registerDocument(
      registrar,
      { ...base, direction: 'drawn_up', description: `Utkast ${INTERNAL_MARKER}`, secrecy: 'internal' },
      { filename: 'utkast.txt', bytes: Buffer.from(`Utkasttext ${INTERNAL_MARKER}`) },
    );
    Object.assign(docs, { public: pub.id, secret: secret.id, internal: internal.id });
    for (const [key, id] of Object.entries(docs)) {
      const view = await registry.getDocument(registrar, id);
      files[key as keyof typeof files] = view.document.files[0]?.id ?? '';
    }
  });
  after(() => t.close());

  function assertNoLeak(response: LightMyRequestResponse, label: string, leaks = LEAKS) {
    for (const leak of leaks) {
      assert.doesNotMatch(response.body, leak, `${label}: body`);
      assert.doesNotMatch(JSON.stringify(response.headers), leak, `${label}: headers`);
    }
  }

  test('no public route, nor any registry page asked anonymously, ever shows a secret or internal marker', async () => {
    const anonymous = new TestClient(t.app);
    const ids = [caseId, ...Object.values(docs), ...Object.values(files)];
    const urls = new Set(['/arenden', `/arenden/${caseId}`, ...Object.values(docs).map((id) => `/handlingar/${id}`)]);
    for (const route of t.app.kansliRoutes) {
      if (route.action !== 'public' || route.method !== 'GET') continue;
      const params = route.url.match(/:\w+/g) ?? [];
      if (params.length === 0) {
        urls.add(route.url);
        // Search pages: words from the secret and internal descriptions, never the markers themselves.
        for (const q of ['brandväggen', 'Utkast', 'granskningsrapport']) urls.add(`${route.url}?q=${encodeURIComponent(q)}`);
        continue;
      }
      for (const id of ids) urls.add(route.url.replace(/:slug\b/g, slug).replace(/:\w+/g, id));
    }
    assert.ok([...urls].some((u) => u.startsWith('/diarium/arenden/')), 'the walk reaches the public case page');
    assert.ok([...urls].some((u) => u.startsWith('/filer/')), 'the walk reaches the file route');
    let ok = 0;
    for (const url of urls) {
      const response = await anonymous.get(url);
      assert.ok(response.statusCode < 500, `${url}: ${response.statusCode}`);
      if (response.statusCode === 200) ok += 1;
      assertNoLeak(response, url);
    }
    assert.ok(ok >= 6, `enough pages answered 200 (${ok})`);
  });

  test('the list leaves out the internal draft and shows the secret entry by its public description and provision', async () => {
    const body = (await new TestClient(t.app).get('/diarium')).body;
    assert.match(body, /2026\.1/);
    assert.match(body, /2026\.2/);
    assert.doesNotMatch(body, /2026\.3/, 'the internal draft is not a public record');
    assert.match(body, /Granskningsrapport om säkerhetsåtgärder\. Sekretess enligt 18 kap\. 8 § offentlighets- och sekretesslagen \(2009:400\)/);
    assert.match(body, /Tjänsteskrivelse om granskningen/);
    assert.match(body, /2026\/1-2\.5\.1\.3/);
  });

  test('a secret entry names provision and date but offers no file; a public entry offers its file', async () => {
    const client = new TestClient(t.app);
    const secret = await client.get(`/diarium/${docs.secret}`);
    assert.equal(secret.statusCode, 200);
    assert.match(secret.body, /omfattas av sekretess enligt 18 kap\. 8 § offentlighets- och sekretesslagen \(2009:400\)/);
    assert.match(secret.body, /markerad 2026-04-01/);
    assert.doesNotMatch(secret.body, /\/filer\//);
    assert.equal((await client.get(`/filer/${files.secret}`)).statusCode, 403);

    const pub = await client.get(`/diarium/${docs.public}`);
    assert.match(pub.body, new RegExp(`href="/filer/${files.public}"`));
    const file = await client.get(`/filer/${files.public}`);
    assert.equal(file.statusCode, 200);
    assert.equal(file.body, 'Offentlig skrivelse');

    assert.equal((await client.get(`/diarium/${docs.internal}`)).statusCode, 404);
    assert.equal((await client.get(`/filer/${files.internal}`)).statusCode, 404);
    const casePage = await client.get(`/diarium/arenden/${caseId}`);
    assert.match(casePage.body, /Granskningsrapport om säkerhetsåtgärder/);
    assert.doesNotMatch(casePage.body, /2026\.3/);
  });

  test('the public registry looks the same to a signed-in member; a member without secrecy rights sees only the entry', async () => {
    const member = await signedInAs(t, committeeId, ['member']);
    // Signed in, internal drafts are readable; only the secret marker must stay hidden.
    const secretOnly = [/HEMLIG-MARK/i];
    const list = await member.get('/diarium');
    assert.doesNotMatch(list.body, /2026\.3/);
    assertNoLeak(list, '/diarium (member)');
    const entry = await member.get(`/handlingar/${docs.secret}`);
    assert.equal(entry.statusCode, 200);
    assert.match(entry.body, /Handlingen omfattas av sekretess/);
    assertNoLeak(entry, '/handlingar/<secret> (member)', secretOnly);
    assertNoLeak(await member.get(`/arenden/${caseId}`), '/arenden/<case> (member)', secretOnly);
    assertNoLeak(await member.get(`/filer/${files.secret}`), '/filer/<secret> (member)', secretOnly);
  });
});
