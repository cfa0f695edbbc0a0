import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildConfig, type Config } from '../../src/platform/config/config.js';
import type { Database } from '../../src/platform/db/database.js';
import { buildApp } from '../../src/platform/http/app.js';
import { KANSLI } from '../../src/routes.js';
import { createServices, type Services } from '../../src/services.js';
import { eq } from 'drizzle-orm';
import { roleAssignments, users } from '../../src/features/auth/auth.tables.js';
import { organisations, bodies } from '../../src/features/organisation/organisation.tables.js';
import { newTotpSecret } from '../../src/features/auth/totp.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/audit.js';
import type { Role } from '../../src/platform/auth/policy.js';
import type { Clock } from '../../src/platform/clock.js';
import { createDemoTestDatabase, createTestDatabase } from './db.js';
import { loadDemo } from '../../src/features/demo/demo.js';

export const TEST_PASSWORD = 'rätt häftig häst batteri';

/**
 * The seal of every test app that names none, never the default path under the working folder:
 * the run's own (`npm test` makes one self-signed file for all its processes: an RSA key costs a
 * fifth of a second), or one per test process, made on first use and removed when it ends.
 */
const TEST_SEAL = process.env.KANSLI_TEST_SEAL ?? path.join(tmpdir(), `kansli-test-seal-${process.pid}.p12`);
if (!process.env.KANSLI_TEST_SEAL) process.once('exit', () => rmSync(TEST_SEAL, { force: true }));

export interface TestContext {
  app: FastifyInstance;
  services: Services;
  database: Database;
  close(): Promise<void>;
}

/**
 * The real app on a private test database, built with the same functions as production. With
 * `demo`, the database holds the demo committee as `loadDemo` leaves it today (createDemoTestDatabase):
 * for tests that read the demo on the real clock, not for those that test its loading.
 */
export async function createTestApp(options: { config?: Partial<Config>; clock?: Clock; database?: Database; demo?: boolean } = {}): Promise<TestContext> {
  // Many tests move an injected clock by days between requests: their sessions must not end as idle.
  // The idle timeout itself is tested with its real default in account.test.ts.
  const config = buildConfig({ logLevel: 'silent', sessionIdleMinutes: 60 * 24 * 365, sealP12Path: TEST_SEAL, ...options.config });
  if (options.demo && (options.clock || options.database)) throw new Error('createTestApp: the demo database is loaded on the real clock into a database of its own');
  const database = options.database ?? (options.demo ? await createDemoTestDatabase(loadDemoForTests) : await createTestDatabase());
  const services = createServices(database, config, options.clock);
  const app = buildApp(services, KANSLI);
  await app.ready();
  return {
    app,
    services,
    database,
    close: async () => {
      await app.close();
      if (!options.database) await database.close();
    },
  };
}

/**
 * The demo as the test runs' template holds it: loaded with the tests' seal and no setting of the
 * test at hand (whichever test loads it first), its e-mails to an outbox of its own.
 */
async function loadDemoForTests(database: Database): Promise<void> {
  const outboxDir = mkdtempSync(path.join(tmpdir(), 'kansli-demo-outbox-'));
  try {
    await loadDemo(createServices(database, buildConfig({ logLevel: 'silent', sealP12Path: TEST_SEAL, outboxDir, smtpUrl: '' })));
  } finally {
    rmSync(outboxDir, { recursive: true, force: true });
  }
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${(counter += 1)}`;

/** A committee with one member municipality and a committee body; every test makes its own. */
export async function buildCommittee(services: Services, overrides: { name?: string } = {}) {
  const db = services.database.db;
  const [committee] = await db
    .insert(organisations)
    .values({ kind: 'committee', name: overrides.name ?? 'Testnämnden', slug: unique('namnd') })
    .returning();
  if (!committee) throw new Error('no committee');
  const [municipality] = await db
    .insert(organisations)
    .values({ kind: 'municipality', name: 'Testby kommun', slug: unique('testby'), committeeId: committee.id, isHost: true })
    .returning();
  const [body] = await db.insert(bodies).values({ organisationId: committee.id, kind: 'committee', name: 'Testnämnden', slug: unique('organ') }).returning();
  if (!municipality || !body) throw new Error('no municipality');
  return { committee, municipality, body };
}

/** A user holding the given roles in the given organisation. */
export async function buildUser(services: Services, options: { organisationId: string; roles: Role[]; email?: string }) {
  const email = options.email ?? `${unique('user')}@example.se`;
  const id = await services.auth.createUser({ email, name: `Test ${email}`, password: TEST_PASSWORD, grants: [] }, SYSTEM_ACTOR);
  for (const role of options.roles) {
    await services.database.db.insert(roleAssignments).values({ userId: id, organisationId: options.organisationId, role });
  }
  return { id, email, password: TEST_PASSWORD };
}

/**
 * Give a test user a working TOTP second factor (as if they had enrolled it themselves) and
 * return its secret, for signing a protocol with `generateTotp(secret, now)`.
 */
export async function giveTotp(services: Services, userId: string): Promise<string> {
  const secret = newTotpSecret();
  await services.database.db.update(users).set({ totpSecret: secret, totpEnabled: true, totpLastStep: null }).where(eq(users.id, userId));
  return secret;
}

/** A browser-like client: keeps cookies, sends the CSRF token with every form. */
/** A file in a test's multipart form. */
export interface UploadFile {
  name: string;
  bytes: Uint8Array | string;
  type?: string;
}

export class TestClient {
  cookies = new Map<string, string>();

  constructor(readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of response.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.keep(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } }));
  }

  /**
   * Gets a CSRF cookie as a browser does: from a page with a form. The cookie is set only where a
   * form needs it; the sign-in page has one, and a signed-in visitor's pages the sign-out form.
   */
  async ensureCsrf(): Promise<void> {
    if (this.cookies.has('kansli_csrf')) return;
    await this.get('/logga-in');
    if (!this.cookies.has('kansli_csrf')) await this.get('/konto');
  }

  /** Posts a form; fetches a CSRF cookie first if there is none. */
  async post(url: string, form: Record<string, string | string[]> = {}, options: { csrf?: string | null } = {}): Promise<LightMyRequestResponse> {
    await this.ensureCsrf();
    const params = new URLSearchParams();
    const csrf = options.csrf === undefined ? this.cookies.get('kansli_csrf') : options.csrf;
    if (csrf !== null && csrf !== undefined) params.append('_csrf', csrf);
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: params.toString(),
      }),
    );
  }

  /**
   * Posts a multipart form as a browser does: the CSRF token first (unless `csrf: false`), then
   * the fields, then the file.
   */
  async postMultipart(url: string, fields: Record<string, string>, options: { file?: UploadFile; csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    await this.ensureCsrf();
    const form = new FormData();
    if (options.csrf !== false) form.append('_csrf', this.cookies.get('kansli_csrf') ?? '');
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (options.file) {
      const { name, bytes, type } = options.file;
      form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type: type ?? 'application/octet-stream' }), name);
    }
    return this.keep(await this.app.inject({ method: 'POST', url, payload: form, headers: { cookie: this.cookieHeader() } }));
  }

  async signIn(email: string, password = TEST_PASSWORD): Promise<LightMyRequestResponse> {
    const response = await this.post('/logga-in', { email, password });
    if (response.statusCode !== 302) throw new Error(`sign-in failed: ${response.statusCode} ${response.body.slice(0, 500)}`);
    return response;
  }
}
