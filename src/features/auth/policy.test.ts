/**
 * Walks every route with every role (and anonymously) and checks the answer against the one
 * policy table: allowed → served (never 401/403, never a 5xx); denied → 403, or sign-in for the
 * anonymous. A route added without a policy action cannot even be registered.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { agendaItems, apiTokens, auditLog, mandates, meetings, organisations, people, sessions } from '../../platform/db/schema.js';
import { inArray } from 'drizzle-orm';
import { sha256 } from './auth.service.js';
import { holdsRoleAnywhere, POLICY, ROLES, type Principal, type Role } from './policy.js';

/** An id that exists nowhere: the route must still answer by the policy (403 before 404). */
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('route × role', () => {
  let t: TestContext;
  const users = new Map<Role, { id: string; email: string }>();
  /** Users whose every role is in another organisation: another committee, or another member municipality. */
  const strangers = new Map<string, { id: string; email: string }>();
  const params: Record<string, string> = {};
  /** For the walk of the wrong organisations: a secret document and its file in place of the public ones. */
  const secretParams: Record<string, string> = {};

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
    const secret = await t.services.registry.registerDocument(
      registrar,
      { caseId: registryCase.id, direction: 'incoming', counterpart: 'Avsändare AB', documentDate: '2026-01-02', description: 'Hemlig prov', secrecy: 'secret', secrecyProvision: 'OSL 18 kap. 8 §' },
      { filename: 'b.txt', bytes: Buffer.from('b') },
    );
    secretParams.documentId = secret.id;
    secretParams.fileId = (await t.services.registry.getDocument(registrar, secret.id)).document.files[0]?.id ?? '';
    const [meeting] = await db.insert(meetings).values({ bodyId: body.id, startsAt: new Date('2030-03-03T09:00:00Z'), place: 'Stadshuset' }).returning();
    const [item] = await db.insert(agendaItems).values({ meetingId: meeting?.id ?? '', position: 1, heading: 'Prov', caseId: registryCase.id }).returning();
    Object.assign(params, { meetingId: meeting?.id ?? '', itemId: item?.id ?? '' });

    // The wrong organisations: a second committee with its own municipality, and a second member
    // municipality of this committee. Every role in each.
    const other = await buildCommittee(t.services, { name: 'Andra nämnden' });
    const [neighbour] = await db.insert(organisations).values({ kind: 'municipality', name: 'Grannby kommun', slug: `grannby-${process.pid}`, committeeId: committee.id }).returning();
    for (const role of ROLES) {
      strangers.set(`${role} i en annan nämnd`, await buildUser(t.services, { organisationId: other.committee.id, roles: [role] }));
      strangers.set(`${role} i den andra nämndens kommun`, await buildUser(t.services, { organisationId: other.municipality.id, roles: [role] }));
      strangers.set(`${role} i en annan medlemskommun`, await buildUser(t.services, { organisationId: neighbour?.id ?? '', roles: [role] }));
    }
  });
  after(() => t.close());

  const paramsOf = () => params;

  /** A fresh session straight in the database, so that sign-out routes cannot spoil later requests. */
  async function clientFor(role: Role | null, as?: { id: string }): Promise<{ client: TestClient; tokenId?: string }> {
    const client = new TestClient(t.app);
    await client.ensureCsrf();
    if (!role && !as) return { client };
    const user = as ?? (role ? users.get(role) : undefined);
    if (!user) throw new Error(String(role));
    const token = randomBytes(24).toString('base64url');
    await t.services.database.db.insert(sessions).values({ tokenHash: sha256(token), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) });
    client.cookies.set('kansli_session', token);
    const [apiToken] = await t.services.database.db.insert(apiTokens).values({ userId: user.id, tokenHash: sha256(randomBytes(8).toString('hex')), label: 'x' }).returning();
    return { client, tokenId: apiToken?.id };
  }

  function fill(url: string, tokenId: string | undefined, over: Record<string, string> = {}): string {
    const params = { ...paramsOf(), ...over };
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

  /**
   * The same routes for users whose roles are all in the wrong organisation (issue 15): a route
   * about one of this committee's objects (its case, document, file, meeting, item, person,
   * mandate, body or user) answers them 403 or 404, or exactly as it answers the public; and
   * nothing they send changes any of those objects (no audit entry names one).
   */
  test('every route about this committee’s objects refuses users of another committee or another municipality', async () => {
    const keys = ['caseId', 'documentId', 'fileId', 'meetingId', 'itemId', 'personId', 'mandateId', 'bodyId', 'userId'];
    const ids = [...keys.map((k) => params[k] ?? ''), ...Object.values(secretParams)].filter(Boolean);
    const routes = t.app.kansliRoutes.map((route) => ({ route, url: fill(route.url, undefined, secretParams) })).filter(({ url }) => ids.some((id) => url.includes(id)));
    assert.ok(routes.length > 40, `only ${routes.length} routes name an object`);
    const publicStatus = new Map<string, number>();
    for (const { route, url } of routes) {
      const { client } = await clientFor(null);
      publicStatus.set(`${route.method} ${url}`, (route.method === 'GET' ? await client.get(url) : await client.post(url, {})).statusCode);
    }
    const SECRET_MARKERS = () => ['Hemlig prov', `/filer/${secretParams.fileId ?? ''}`];
    const failures: string[] = [];
    let requests = 0;
    for (const [who, user] of strangers) {
      // A member municipality's roles read the cooperation's material that is not secret (issue 15:
      // cooperation scope); they never change it, and never read its secrets.
      const neighbour = who.endsWith('i en annan medlemskommun');
      for (const { route, url } of routes) {
        const readsOpenMaterial = neighbour && route.method === 'GET' && route.action.endsWith('.read') && !Object.values(secretParams).some((id) => url.includes(id));
        if (readsOpenMaterial) continue;
        const { client } = await clientFor(null, user);
        const response = route.method === 'GET' ? await client.get(url) : await client.post(url, {});
        requests += 1;
        const label = `${who}: ${route.method} ${url} (${route.action})`;
        const anonymous = publicStatus.get(`${route.method} ${url}`);
        const asPublic = route.action === 'public' && response.statusCode === anonymous;
        // Outside the cooperation a signed-in reader sees a registry entry as the public registry
        // shows it (OSL 5:2): the entry, never a secret document's description or file.
        const publicEntry = route.method === 'GET' && route.action === 'registry.read' && response.statusCode === 200 && !SECRET_MARKERS().some((m) => response.body.includes(m));
        if (response.statusCode >= 500) failures.push(`${label}: ${response.statusCode}`);
        else if (![403, 404].includes(response.statusCode) && !asPublic && !publicEntry) failures.push(`${label}: got ${response.statusCode} (public gets ${anonymous})`);
      }
    }
    const strangerIds = [...strangers.values()].map((u) => u.id);
    const touched = await t.services.database.db.select({ action: auditLog.action, entityId: auditLog.entityId }).from(auditLog).where(inArray(auditLog.actorUserId, strangerIds));
    for (const entry of touched) if (entry.entityId && ids.includes(entry.entityId)) failures.push(`audit: ${entry.action} on ${entry.entityId}`);
    writeFileSync(path.join(os.tmpdir(), 'kansli-strangers.txt'), failures.join('\n'));
    assert.deepEqual(failures, [], `${failures.length} of ${requests} requests`);
  });
});
