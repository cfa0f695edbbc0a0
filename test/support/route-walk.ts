/**
 * The route walk's fixture (src/features/auth/policy*.test.ts): one app with a committee, a user per role, the
 * objects the routes name, and users whose every role is in the wrong organisation. Each test file
 * calls `routeWalk()` inside its describe; the walk is split over files so that they run in parallel.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { randomBytes } from 'node:crypto';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from './app.js';
import { apiTokens, sessions } from '../../src/features/auth/auth.tables.js';
import { agendaItems, meetings } from '../../src/features/meetings/meetings.tables.js';
import { mandates, organisations, people } from '../../src/features/organisation/organisation.tables.js';
import { sha256 } from '../../src/features/auth/auth.service.js';
import { holdsRoleAnywhere, ROLES, type Principal, type Role } from '../../src/platform/auth/policy.js';

/** An id that exists nowhere: the route must still answer by the policy (403 before 404). */
const MISSING = '00000000-0000-4000-8000-000000000000';

/** policy.test.ts walks the public and the first this many roles; policy-roles.test.ts the rest, in parallel. */
export const ROLES_IN_FIRST_FILE = 5;

export interface RouteWalk {
  /** The app, set up before the first test. */
  readonly t: TestContext;
  readonly users: Map<Role, { id: string; email: string }>;
  /** Users whose every role is in another organisation: another committee, or another member municipality. */
  readonly strangers: Map<string, { id: string; email: string }>;
  readonly params: Record<string, string>;
  /** For the walk of the wrong organisations: a secret document and its file in place of the public ones. */
  readonly secretParams: Record<string, string>;
  clientFor(role: Role | null, as?: { id: string }): Promise<{ client: TestClient; tokenId?: string }>;
  fill(url: string, tokenId: string | undefined, over?: Record<string, string>): string;
}

export function routeWalk(): RouteWalk {
  let t: TestContext | undefined;
  const app = (): TestContext => {
    if (!t) throw new Error('the route walk is set up in before()');
    return t;
  };
  const users = new Map<Role, { id: string; email: string }>();
  /** Users whose every role is in another organisation: another committee, or another member municipality. */
  const strangers = new Map<string, { id: string; email: string }>();
  const params: Record<string, string> = {};
  /** For the walk of the wrong organisations: a secret document and its file in place of the public ones. */
  const secretParams: Record<string, string> = {};

  before(async () => {
    const context = await createTestApp();
    t = context;
    const { committee, municipality, body } = await buildCommittee(context.services);
    const db = context.services.database.db;
    for (const role of ROLES) users.set(role, await buildUser(context.services, { organisationId: committee.id, roles: [role] }));
    const [person] = await db.insert(people).values({ name: 'Petra Prov', organisationId: municipality.id }).returning();
    if (!person) throw new Error('no person');
    const [mandate] = await db
      .insert(mandates)
      .values({ personId: person.id, bodyId: body.id, municipalityId: municipality.id, role: 'member', termFrom: '2023-01-01' })
      .returning();
    const victim = await buildUser(context.services, { organisationId: committee.id, roles: ['member'] });
    Object.assign(params, { slug: municipality.slug, bodyId: body.id, personId: person.id, mandateId: mandate?.id ?? '', userId: victim.id });
    const registrar: Principal = { userId: victim.id, email: 'r@example.se', name: 'R', grants: [{ organisationId: committee.id, role: 'registrar' }] };
    await context.services.registry.importCodes(registrar, committee.slug, 'kod;rubrik;gallring\n1.1;Styrning;Bevaras\n');
    const registryCase = await context.services.registry.createCase(registrar, committee.slug, { title: 'Prov', classificationCode: '1.1' });
    const doc = await context.services.registry.registerDocument(registrar, { caseId: registryCase.id, direction: 'drawn_up', documentDate: '2026-01-01', description: 'Prov' }, { filename: 'a.txt', bytes: Buffer.from('a') });
    const fileId = (await context.services.registry.getDocument(registrar, doc.id)).document.files[0]?.id ?? '';
    Object.assign(params, { caseId: registryCase.id, documentId: doc.id, fileId });
    const secret = await context.services.registry.registerDocument(
      registrar,
      { caseId: registryCase.id, direction: 'incoming', counterpart: 'Avsändare AB', documentDate: '2026-01-02', description: 'Hemlig prov', secrecy: 'secret', secrecyProvision: 'OSL 18 kap. 8 §' },
      { filename: 'b.txt', bytes: Buffer.from('b') },
    );
    secretParams.documentId = secret.id;
    secretParams.fileId = (await context.services.registry.getDocument(registrar, secret.id)).document.files[0]?.id ?? '';
    const [meeting] = await db.insert(meetings).values({ bodyId: body.id, startsAt: new Date('2030-03-03T09:00:00Z'), place: 'Stadshuset' }).returning();
    const [item] = await db.insert(agendaItems).values({ meetingId: meeting?.id ?? '', position: 1, heading: 'Prov', caseId: registryCase.id }).returning();
    Object.assign(params, { meetingId: meeting?.id ?? '', itemId: item?.id ?? '' });

    // The wrong organisations: a second committee with its own municipality, and a second member
    // municipality of this committee. Every role in each.
    const other = await buildCommittee(context.services, { name: 'Andra nämnden' });
    const [neighbour] = await db.insert(organisations).values({ kind: 'municipality', name: 'Grannby kommun', slug: `grannby-${process.pid}`, committeeId: committee.id }).returning();
    for (const role of ROLES) {
      strangers.set(`${role} i en annan nämnd`, await buildUser(context.services, { organisationId: other.committee.id, roles: [role] }));
      strangers.set(`${role} i den andra nämndens kommun`, await buildUser(context.services, { organisationId: other.municipality.id, roles: [role] }));
      strangers.set(`${role} i en annan medlemskommun`, await buildUser(context.services, { organisationId: neighbour?.id ?? '', roles: [role] }));
    }
  });
  after(() => t?.close());

  const paramsOf = () => params;

  /**
   * A fresh session straight in the database, so that sign-out routes cannot spoil later requests.
   * The CSRF cookie is set as the sign-in page would set it (the check compares the form's token with
   * the cookie), without fetching that page before every one of the walk's thousands of requests.
   */
  async function clientFor(role: Role | null, as?: { id: string }): Promise<{ client: TestClient; tokenId?: string }> {
    const client = new TestClient(app().app);
    client.cookies.set('kansli_csrf', randomBytes(24).toString('base64url'));
    if (!role && !as) return { client };
    const user = as ?? (role ? users.get(role) : undefined);
    if (!user) throw new Error(String(role));
    const token = randomBytes(24).toString('base64url');
    await app().services.database.db.insert(sessions).values({ tokenHash: sha256(token), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) });
    client.cookies.set('kansli_session', token);
    const [apiToken] = await app().services.database.db.insert(apiTokens).values({ userId: user.id, tokenHash: sha256(randomBytes(8).toString('hex')), label: 'x' }).returning();
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
      .replace(':commentId', MISSING)
      .replace(':documentId', params.documentId ?? '')
      .replace(':itemId', params.itemId ?? '')
      .replace(':bodyId', params.bodyId ?? '');
  }

  return {
    get t() {
      return app();
    },
    users,
    strangers,
    params,
    secretParams,
    clientFor,
    fill,
  };
}

/**
 * Every route as `role` (null: the public), checked against the policy table: allowed → served
 * (never 401/403, never a 5xx); denied → 403, or sign-in for the public. Returns what failed.
 */
export async function walkRoutesAs(walk: RouteWalk, role: Role | null): Promise<string[]> {
  const failures: string[] = [];
  for (const route of walk.t.app.kansliRoutes) {
    const { client, tokenId } = await walk.clientFor(role);
    const url = walk.fill(route.url, tokenId);
    assert.doesNotMatch(url, /:\w+/, `unfilled parameter in ${url}`);
    const principal: Principal | null = role ? { userId: walk.users.get(role)?.id ?? '', email: '', name: '', grants: [{ organisationId: 'x', role }] } : null;
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
  return failures;
}
