/**
 * Walks every route with every role (and anonymously) and checks the answer against the one
 * policy table: allowed → served (never 401/403, never a 5xx); denied → 403, or sign-in for the
 * anonymous. A route added without a policy action cannot even be registered.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { agendaItems, apiTokens, mandates, meetings, people, sessions } from '../../platform/db/schema.js';
import { sha256 } from './auth.service.js';
import { holdsRoleAnywhere, POLICY, ROLES, type Principal, type Role } from './policy.js';

/** An id that exists nowhere: the route must still answer by the policy (403 before 404). */
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('route × role', () => {
  let t: TestContext;
  const users = new Map<Role, { id: string; email: string }>();
  const params: Record<string, string> = {};

  before(async () => {
    t = await createTestApp();
    const { committee, municipality, body } = await buildCommittee(t.services);
    const db = t.services.database.db;
    for (const role of ROLES) users.set(role, await buildUser(t.services, { organisationId: committee.id, roles: [role] }));
    const [person] = await db.insert(people).values({ name: 'Petra Prov', organisationId: municipality.id }).returning();
    if (!person) throw new Error('no person');
    const [mandate] = await db
      .insert(mandates)
      .values({ personId: person.id, bodyId: body.id, municipalityId: municipality.id, role: 'member', termFrom: '2023-01-01' })
      .returning();
    const victim = await buildUser(t.services, { organisationId: committee.id, roles: ['member'] });
    Object.assign(params, { slug: municipality.slug, bodyId: body.id, personId: person.id, mandateId: mandate?.id ?? '', userId: victim.id });
    const registrar: Principal = { userId: victim.id, email: 'r@example.se', name: 'R', grants: [{ organisationId: committee.id, role: 'registrar' }] };
    await t.services.registry.importCodes(registrar, committee.slug, 'kod;rubrik;gallring\n1.1;Styrning;Bevaras\n');
    const registryCase = await t.services.registry.createCase(registrar, committee.slug, { title: 'Prov', classificationCode: '1.1' });
    const doc = await t.services.registry.registerDocument(registrar, { caseId: registryCase.id, direction: 'drawn_up', documentDate: '2026-01-01', description: 'Prov' }, { filename: 'a.txt', bytes: Buffer.from('a') });
    const fileId = (await t.services.registry.getDocument(registrar, doc.id)).document.files[0]?.id ?? '';
    Object.assign(params, { caseId: registryCase.id, documentId: doc.id, fileId });
    const [meeting] = await db.insert(meetings).values({ bodyId: body.id, startsAt: new Date('2030-03-03T09:00:00Z'), place: 'Stadshuset' }).returning();
    const [item] = await db.insert(agendaItems).values({ meetingId: meeting?.id ?? '', position: 1, heading: 'Prov', caseId: registryCase.id }).returning();
    Object.assign(params, { meetingId: meeting?.id ?? '', itemId: item?.id ?? '' });
  });
  after(() => t.close());

  /** A fresh session straight in the database, so that sign-out routes cannot spoil later requests. */
  async function clientFor(role: Role | null): Promise<{ client: TestClient; tokenId?: string }> {
    const client = new TestClient(t.app);
    await client.ensureCsrf();
    if (!role) return { client };
    const user = users.get(role);
    if (!user) throw new Error(role);
    const token = randomBytes(24).toString('base64url');
    await t.services.database.db.insert(sessions).values({ tokenHash: sha256(token), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) });
    client.cookies.set('kansli_session', token);
    const [apiToken] = await t.services.database.db.insert(apiTokens).values({ userId: user.id, tokenHash: sha256(randomBytes(8).toString('hex')), label: 'x' }).returning();
    return { client, tokenId: apiToken?.id };
  }

  function fill(url: string, tokenId: string | undefined): string {
    return url
      .replace(':slug', params.slug ?? '')
      .replace(/^\/organ\/:id/, `/organ/${params.bodyId}`)
      .replace(/^\/personer\/:id/, `/personer/${params.personId}`)
      .replace(/^\/uppdrag\/:id/, `/uppdrag/${params.mandateId}`)
      .replace(/^\/admin\/anvandare\/:id/, `/admin/anvandare/${params.userId}`)
      .replace(/^\/konto\/nycklar\/:id/, `/konto/nycklar/${tokenId ?? ''}`)
      .replace(/^\/konto\/passkey\/:id/, `/konto/passkey/${MISSING}`)
      .replace(/^\/logga-in\/nytt-losenord\/:token/, `/logga-in/nytt-losenord/${'x'.repeat(43)}`)
      .replace(/^\/(arenden|diarium\/arenden)\/:id/, `/$1/${params.caseId}`)
      .replace(/^\/(handlingar|diarium)\/:id/, `/$1/${params.documentId}`)
      .replace(/^\/filer\/:id/, `/filer/${params.fileId}`)
      .replace(/^\/(moten|mina-moten)\/:id/, `/$1/${params.meetingId}`)
      .replace(/^(\/planering\/[^:]*):id/, `$1${MISSING}`)
      .replace(/^\/api\/v1\/cases\/:id/, `/api/v1/cases/${params.caseId}`)
      .replace(/^\/api\/v1\/documents\/:id/, `/api/v1/documents/${params.documentId}`)
      .replace(/^\/protokoll\/:id/, `/protokoll/${MISSING}`)
      .replace(/^\/sammantraden\/:id/, `/sammantraden/${params.meetingId}`)
      .replace(/^\/(anslag|tillganglighet\/synpunkter)\/:id/, `/$1/${MISSING}`)
      .replace(/^\/api\/v1\/protocols\/:id/, `/api/v1/protocols/${MISSING}`)
      .replace(/^\/(samverkan|samverkan\/beslut|api\/v1\/initiatives|api\/v1\/decisions)\/:id/, `/$1/${MISSING}`)
      .replace(/^\/ekonomi\/kostnadsobjekt\/:id/, `/ekonomi/kostnadsobjekt/${MISSING}`)
      .replace(/^\/ekonomi\/utfall\/import\/:id/, `/ekonomi/utfall/import/${MISSING}`)
      .replace(/^(\/ekonomi\/[^/]+)\/:year/, '$1/2022')
      .replace(/^\/(arkiv|dataskydd)\/([a-z/-]+)\/:id/, `/$1/$2/${MISSING}`)
      .replace(/^\/admin\/e-legitimation\/justering\/:committeeId/, `/admin/e-legitimation/justering/${MISSING}`)
      .replace(/^\/admin\/e-legitimation\/personer\/:personId/, `/admin/e-legitimation/personer/${params.personId}`)
      .replace(':number', '1')
      .replace(':provider', 'kommun')
      .replace(':paragraphId', MISSING)
      .replace(':itemId', params.itemId ?? '')
      .replace(':bodyId', params.bodyId ?? '');
  }

  test('every route names a known policy action', () => {
    assert.ok(t.app.kansliRoutes.length > 20);
    for (const route of t.app.kansliRoutes) assert.ok(Object.hasOwn(POLICY, route.action), `${route.method} ${route.url}`);
  });

  for (const role of [null, ...ROLES] as const) {
    test(`every route answers ${role ?? 'the public'} as the policy says`, async () => {
      const failures: string[] = [];
      for (const route of t.app.kansliRoutes) {
        const { client, tokenId } = await clientFor(role);
        const url = fill(route.url, tokenId);
        assert.doesNotMatch(url, /:\w+/, `unfilled parameter in ${url}`);
        const principal: Principal | null = role ? { userId: users.get(role)?.id ?? '', email: '', name: '', grants: [{ organisationId: 'x', role }] } : null;
        const allowed = holdsRoleAnywhere(principal, route.action);
        const response = route.method === 'GET' ? await client.get(url) : await client.post(url, {});
        // Denied to the anonymous: HTML goes to sign-in (with the way back), the API says 401.
        // A 401 on an HTML form is a wrong password or code, which is an answer, not a denial.
        const toLogin = response.statusCode === 302 && String(response.headers.location).startsWith('/logga-in?next=');
        const apiDenied = url.startsWith('/api/') && response.statusCode === 401;
        const label = `${route.method} ${url} (${route.action})`;
        if (response.statusCode >= 500) failures.push(`${label}: ${response.statusCode}`);
        else if (allowed && (response.statusCode === 403 || apiDenied || toLogin)) {
          failures.push(`${label}: allowed but got ${response.statusCode} ${response.headers.location ?? ''}`);
        } else if (!allowed && role && response.statusCode !== 403) failures.push(`${label}: denied but got ${response.statusCode}`);
        else if (!allowed && !role && !(toLogin || apiDenied)) failures.push(`${label}: anonymous got ${response.statusCode}`);
      }
      assert.deepEqual(failures, []);
    });
  }
});
