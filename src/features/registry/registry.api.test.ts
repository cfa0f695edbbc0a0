import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCommittee, buildUser, createTestApp, type TestContext } from '../../../test/support/app.js';
import type { Principal, Role } from '../../platform/auth/policy.js';
import { eq } from 'drizzle-orm';
import { documents } from './registry.tables.js';
import { multipartBody } from '../../../test/support/multipart.js';

const CODES = 'kod;rubrik;gallring\n2.4.0.2;Ekonomisk uppföljning;Bevaras\n';

const multipartRequest = (...args: Parameters<typeof multipartBody>) => {
  const { payload, contentType } = multipartBody(...args);
  return { payload, headers: { 'content-type': contentType } };
};

describe('registry JSON API', () => {
  let t: TestContext;
  let orgSlug: string;
  let committeeId: string;
  const tokens = new Map<Role, string>();

  before(async () => {
    t = await createTestApp({ clock: () => new Date('2026-03-01T09:00:00Z') });
    const { committee } = await buildCommittee(t.services);
    orgSlug = committee.slug;
    committeeId = committee.id;
    for (const role of ['secretary', 'member'] as const) {
      const user = await buildUser(t.services, { organisationId: committee.id, roles: [role] });
      const principal: Principal = { userId: user.id, email: user.email, name: role, grants: [{ organisationId: committee.id, role }] };
      tokens.set(role, await t.services.auth.createApiToken(principal, 'test'));
      if (role === 'secretary') await t.services.registry.importCodes(principal, orgSlug, CODES);
    }
  });
  after(() => t.close());

  const auth = (role: Role) => ({ authorization: `Bearer ${tokens.get(role) ?? ''}` });
  const api = (method: 'GET' | 'POST', url: string, options: { role?: Role; json?: unknown; payload?: Buffer; headers?: Record<string, string> } = {}) =>
    t.app.inject({
      method,
      url,
      headers: { ...(options.role ? auth(options.role) : {}), ...(options.json !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
      payload: options.json !== undefined ? JSON.stringify(options.json) : options.payload,
    });

  async function createCase(title: string) {
    const response = await api('POST', '/api/v1/cases', { role: 'secretary', json: { organisation: orgSlug, title, classificationCode: '2.4.0.2' } });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ id: string; caseNumber: string; title: string; status: string; organisation: { slug: string }; documents: unknown[] }>();
  }

  test('create a case, then get it and find it in the list', async () => {
    const created = await createCase('Budget 2027');
    assert.match(created.caseNumber, /^2026\/\d+-2\.4\.0\.2$/);
    assert.deepEqual([created.title, created.status, created.organisation.slug, created.documents], ['Budget 2027', 'open', orgSlug, []]);
    assert.ok(!('createdAt' in created), 'presented, not the database row');

    const got = await api('GET', `/api/v1/cases/${created.id}`, { role: 'member' });
    assert.equal(got.statusCode, 200);
    assert.equal(got.json<{ caseNumber: string }>().caseNumber, created.caseNumber);

    const list = async (query: string) => (await api('GET', `/api/v1/cases${query}`, { role: 'member' })).json<{ cases: { id: string }[] }>().cases.map((c) => c.id);
    assert.ok((await list('?q=budget&year=2026&status=open')).includes(created.id));
    assert.ok(!(await list('?status=closed')).includes(created.id));
    assert.ok(!(await list('?q=kommunikation')).includes(created.id));
  });

  test('register a document with a file (multipart, metadata as JSON), get it and list it', async () => {
    const caseRow = await createCase('Intern kontroll');
    const metadata = { caseId: caseRow.id, direction: 'incoming', counterpart: 'Luleå kommun', documentDate: '2026-02-27', description: 'Riskanalys' };
    const { payload, headers } = multipartRequest({ metadata: JSON.stringify(metadata) }, { name: 'riskanalys.txt', bytes: 'Riskerna bedöms som låga.', type: 'text/plain' });
    const response = await api('POST', '/api/v1/documents', { role: 'secretary', payload, headers });
    assert.equal(response.statusCode, 201, response.body);
    const doc = response.json<{ id: string; handlingId: string; caseNumber: string; description: string; files: { filename: string; version: number }[] }>();
    assert.match(doc.handlingId, /^2026\.\d+$/);
    assert.equal(doc.caseNumber, caseRow.caseNumber);
    assert.deepEqual(doc.files.map((f) => [f.filename, f.version]), [['riskanalys.txt', 1]]);

    const got = await api('GET', `/api/v1/documents/${doc.id}`, { role: 'member' });
    assert.equal(got.json<{ description: string }>().description, 'Riskanalys');
    const list = await api('GET', '/api/v1/documents', { role: 'member' });
    assert.ok(list.json<{ documents: { id: string }[] }>().documents.some((d) => d.id === doc.id));
    const inCase = await api('GET', `/api/v1/cases/${caseRow.id}`, { role: 'member' });
    assert.deepEqual(inCase.json<{ documents: { id: string }[] }>().documents.map((d) => d.id), [doc.id]);
  });

  test('register a document from plain multipart fields, or from JSON', async () => {
    const caseRow = await createCase('Protokoll');
    const fields = { caseId: caseRow.id, direction: 'drawn_up', documentDate: '2026-03-01', description: 'Protokollsutdrag' };
    const { payload, headers } = multipartRequest(fields);
    assert.equal((await api('POST', '/api/v1/documents', { role: 'secretary', payload, headers })).statusCode, 201);
    const viaJson = await api('POST', '/api/v1/documents', { role: 'secretary', json: { ...fields, description: 'Kallelse' } });
    assert.equal(viaJson.statusCode, 201, viaJson.body);
    const bad = multipartRequest({ metadata: '{not json' });
    const refused = await api('POST', '/api/v1/documents', { role: 'secretary', ...bad });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json<{ error: { fields: { field: string }[] } }>().error.fields[0]?.field, 'metadata');
  });

  test('TF 2:9–10 — "internal" is refused for incoming and outgoing documents and in a closed case; a draft becomes public when its case closes', async () => {
    const caseRow = await createCase('Remissvar');
    for (const direction of ['incoming', 'outgoing']) {
      const refused = await api('POST', '/api/v1/documents', {
        role: 'secretary',
        json: { caseId: caseRow.id, direction, counterpart: 'Region Norrbotten', documentDate: '2026-03-01', description: 'Remiss', secrecy: 'internal' },
      });
      assert.equal(refused.statusCode, 400, `${direction}: ${refused.body}`);
      const error = refused.json<{ error: { fields: { field: string; message: { sv: string; en: string } }[] } }>().error;
      assert.equal(error.fields[0]?.field, 'secrecy');
      assert.match(error.fields[0]?.message.sv ?? '', /TF 2 kap\. 9–10 §§/);
      assert.match(error.fields[0]?.message.en ?? '', /public records/);
    }
    assert.deepEqual((await api('GET', `/api/v1/cases/${caseRow.id}`, { role: 'secretary' })).json<{ documents: unknown[] }>().documents, [], 'nothing was registered');

    const draft = await api('POST', '/api/v1/documents', { role: 'secretary', json: { caseId: caseRow.id, direction: 'drawn_up', documentDate: '2026-03-01', description: 'Utkast till remissvar', secrecy: 'internal' } });
    assert.equal(draft.statusCode, 201, draft.body);
    const id = draft.json<{ id: string }>().id;
    const anonymous = () => t.app.inject({ method: 'GET', url: '/diarium' });
    assert.doesNotMatch((await anonymous()).body, /Utkast till remissvar/, 'a draft in an open case is not yet a public record');

    const closer = await buildUser(t.services, { organisationId: committeeId, roles: ['secretary'] });
    await t.services.registry.setCaseStatus({ userId: closer.id, email: closer.email, name: 'Sekreterare', grants: [{ organisationId: committeeId, role: 'secretary' }] }, caseRow.id, 'closed');
    const [doc] = await t.services.database.db.select().from(documents).where(eq(documents.id, id));
    assert.equal(doc?.secrecy, 'public', 'TF 2:10: public once the case is settled');
    assert.match((await anonymous()).body, /Utkast till remissvar/);

    const late = await api('POST', '/api/v1/documents', { role: 'secretary', json: { caseId: caseRow.id, direction: 'drawn_up', documentDate: '2026-03-01', description: 'Sent utkast', secrecy: 'internal' } });
    assert.equal(late.statusCode, 400);
    assert.match(late.json<{ error: { message: { sv: string; en: string } } }>().error.message.sv, /Ärendet är avslutat/);
  });

  test('a secret document reaches a member as its registry entry only', async () => {
    const caseRow = await createCase('Upphandling');
    const created = await api('POST', '/api/v1/documents', {
      role: 'secretary',
      json: { caseId: caseRow.id, direction: 'incoming', counterpart: 'Anbudsgivare AB', documentDate: '2026-03-01', description: 'Anbud med affärshemligheter', secrecy: 'secret', secrecyProvision: 'OSL 31 kap. 16 §' },
    });
    const id = created.json<{ id: string }>().id;
    const seen = (await api('GET', `/api/v1/documents/${id}`, { role: 'member' })).json<{ description: string; counterpart: string | null; access: string }>();
    assert.deepEqual([seen.access, seen.counterpart], ['entry', null]);
    assert.doesNotMatch(seen.description, /affärshemligheter/);
  });

  test('without a token: 401; with a bad token: 401; a member may not open a case: 403', async () => {
    const body = { organisation: orgSlug, title: 'Nej', classificationCode: '2.4.0.2' };
    for (const url of ['/api/v1/cases', '/api/v1/documents', '/api/v1/cases/00000000-0000-4000-8000-000000000000']) {
      const response = await api('GET', url);
      assert.equal(response.statusCode, 401, url);
      assert.equal(response.json<{ error: { code: string } }>().error.code, 'UNAUTHENTICATED');
    }
    // A POST without a token or a session cookie is asked to sign in; nothing is created.
    const before = (await api('GET', '/api/v1/cases', { role: 'member' })).json<{ cases: unknown[] }>().cases.length;
    assert.equal((await api('POST', '/api/v1/cases', { json: body })).statusCode, 401, 'a cookieless API call is asked to authenticate');
    assert.equal((await api('GET', '/api/v1/cases', { role: 'member' })).json<{ cases: unknown[] }>().cases.length, before);
    assert.equal((await api('GET', '/api/v1/cases', { headers: { authorization: 'Bearer ksl_fel' } })).statusCode, 401);
    const forbidden = await api('POST', '/api/v1/cases', { role: 'member', json: body });
    assert.equal(forbidden.statusCode, 403);
    assert.equal(forbidden.json<{ error: { code: string } }>().error.code, 'FORBIDDEN');
  });

  test('bad input: 400 with a message per field in Swedish and English; unknown ids: 404', async () => {
    const response = await api('POST', '/api/v1/cases', { role: 'secretary', json: { organisation: orgSlug, classificationCode: 'abc' } });
    assert.equal(response.statusCode, 400);
    const { error } = response.json<{ error: { code: string; message: { sv: string; en: string }; fields: { field: string; message: { sv: string } }[] } }>();
    assert.equal(error.code, 'INVALID_INPUT');
    assert.deepEqual(error.fields.map((f) => f.field).sort(), ['classificationCode', 'title']);
    assert.ok(error.message.sv && error.message.en);
    assert.equal((await api('GET', '/api/v1/cases/inte-ett-id', { role: 'member' })).statusCode, 404);
    assert.equal((await api('GET', '/api/v1/documents/00000000-0000-4000-8000-000000000000', { role: 'member' })).statusCode, 404);
  });

  test('search: anonymous finds public material with an HTML-safe snippet', async () => {
    await createCase('Bredbandsutbyggnad: taxa < 100 kr & moms');
    const response = await api('GET', '/api/v1/search?q=bredbandsutbyggnaden');
    assert.equal(response.statusCode, 200);
    const result = response.json<{ total: number; hits: { title: string; url: string; snippetHtml: string }[] }>();
    assert.equal(result.total, 1);
    assert.match(result.hits[0]?.snippetHtml ?? '', /<mark>Bredbandsutbyggnad<\/mark>/);
    assert.match(result.hits[0]?.snippetHtml ?? '', /taxa &#60; 100 kr &#38; moms/);
    assert.match(result.hits[0]?.url ?? '', /^\/diarium\/arenden\//);
    assert.equal((await api('GET', '/api/v1/search')).statusCode, 400);
  });
});
