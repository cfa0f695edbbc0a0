/**
 * Bad input gives 4xx, never 500 (issue 15): impossible dates, NUL bytes and huge amounts, typed
 * into the HTML forms and the JSON API, are refused with a message; and every HTML form is fuzzed
 * with such values.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../support/app.js';
import { ROLES, type Principal } from '../../src/platform/auth/policy.js';

const RUNS = Math.max(4, Math.round(Number(process.env.KANSLI_FUZZ_RUNS ?? 40) / 5));
const HOSTILE = ['2023-02-30', '2023-13-01', '0000-00-00', '99999-01-01', 'Text\u0000med NUL', '\u0000', '99999999999999999999', '1e308', '-99999999999999', 'NaN', '12:99', '25:00', '=1+1', ''];
const FIELDS = ['date', 'documentDate', 'secrecyMarkedOn', 'termFrom', 'termTo', 'periodTo', 'readOn', 'postedOn', 'justeringDate', 'startTime', 'endTime', 'title', 'name', 'description', 'place', 'comment', 'budgetIncome', 'budgetCost', 'forecastIncome', 'forecastCost', 'pkvPercent', 'code', 'classificationCode', 'direction', 'secrecy', 'kind', 'year'];

describe('bad input in forms and the API', () => {
  let t: TestContext;
  let org: Awaited<ReturnType<typeof buildCommittee>>;
  let admin: TestClient;
  let caseId = '';
  let token = '';

  before(async () => {
    t = await createTestApp({ clock: () => new Date('2026-03-02T09:00:00Z') });
    org = await buildCommittee(t.services, { name: 'Felinmatningsnämnden' });
    const user = await buildUser(t.services, { organisationId: org.committee.id, roles: [...ROLES] });
    admin = new TestClient(t.app);
    await admin.signIn(user.email);
    await admin.post(`/klassificering/${org.committee.slug}/import`, { csv: 'kod;rubrik;gallring\n2.4.0.2;Ekonomisk uppföljning;Bevaras\n' });
    const created = await admin.post('/arenden/nytt', { organisation: org.committee.slug, title: 'Felaktiga uppgifter', classificationCode: '2.4.0.2', responsiblePersonId: '' });
    caseId = String(created.headers.location).split('/').pop() ?? '';
    const principal: Principal = { userId: user.id, email: user.email, name: 'Fuzz', grants: ROLES.map((role) => ({ organisationId: org.committee.id, role })) };
    token = await t.services.auth.createApiToken(principal, 'bad-input');
  });
  after(() => t.close());

  const docFields = { direction: 'incoming', documentDate: '2026-03-02', counterpart: 'Avsändare', description: 'Inkommen skrivelse', secrecy: 'public', securityClass: 'Öppen' };

  test('an impossible date is refused on its field, in a form and in the API', async () => {
    const form = await admin.post(`/arenden/${caseId}/ny-handling`, { ...docFields, documentDate: '2023-02-30' });
    assert.equal(form.statusCode, 400);
    assert.match(form.body, /Ange ett datum som finns/);
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/documents', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: JSON.stringify({ ...docFields, caseId, documentDate: '2023-02-30' }) });
    assert.equal(api.statusCode, 400, api.body);
    assert.match(api.body, /Enter a real date|Ange ett datum som finns/);
  });

  test('a NUL byte in any text field is refused whole with a clear message', async () => {
    const form = await admin.post(`/arenden/${caseId}/ny-handling`, { ...docFields, description: 'Skrivelse\u0000' });
    assert.equal(form.statusCode, 400);
    assert.match(form.body, /otillåtet tecken \(NUL/);
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: JSON.stringify({ organisation: org.committee.slug, title: 'Ärende\u0000', classificationCode: '2.4.0.2' }) });
    assert.equal(api.statusCode, 400, api.body);
    assert.match(api.body, /NUL/);
    const query = await admin.get('/arenden?q=%00');
    assert.equal(query.statusCode, 400);
  });

  test('an amount beyond the limit of its field is refused with the limit named', async () => {
    const response = await admin.post(`/ekonomi/${org.committee.slug}/2026/kostnadsobjekt/nytt`, { code: 'GF', name: 'Gemensam finansiering', kind: 'operation', invoicing: 'allocated', keyKind: 'equal', budgetIncome: '0', budgetCost: '99 999 999 999' });
    assert.equal(response.statusCode, 400, response.body.slice(0, 300));
    assert.match(response.body, /Beloppet är orimligt stort: högst 10 000 000 000 kr/);
  });

  test('no HTML form answers a hostile value with a 5xx', async (context) => {
    const ids = [caseId, org.committee.slug, org.municipality.slug, org.body.id, '2026', '00000000-0000-4000-8000-000000000000'];
    const routes = t.app.kansliRoutes.filter((r) => r.method === 'POST' && !r.url.startsWith('/api/') && !r.url.startsWith('/oparl/') && !/logga-ut|logga-in/.test(r.url));
    assert.ok(routes.length > 20, 'there are forms to fuzz');
    let tried = 0;
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.constantFrom(...ids), { minLength: 1, maxLength: 3 }), fc.dictionary(fc.constantFrom(...FIELDS), fc.constantFrom(...HOSTILE), { minKeys: 1, maxKeys: 8 }), async (params, fields) => {
          tried += 1;
          let i = 0;
          const url = route.url.replace(/:\w+/g, () => encodeURIComponent(params[i++ % params.length] ?? 'x'));
          const response = await admin.post(url, fields);
          assert.ok(response.statusCode < 500, `POST ${url} ${JSON.stringify(fields)} answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
        }),
        { numRuns: RUNS },
      );
    }
    context.diagnostic(`${tried} hostile form posts over ${routes.length} HTML forms`);
  });
});
