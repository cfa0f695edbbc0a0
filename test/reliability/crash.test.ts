/**
 * Crash safety: a stream of writes (new cases, each numbered gaplessly and audited in one
 * transaction) goes to a real server process, which is killed with SIGKILL mid-stream and
 * started again on the same database. Every write the server acknowledged must be there, and
 * nothing may be half-written: numbers without gaps, one audit entry per case, the audit chain
 * intact. Runs on PGlite (data folder) and on PostgreSQL, several rounds each.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildConfig } from '../../src/platform/config/config.js';
import { openDatabase } from '../../src/platform/db/open.js';
import { roleAssignments } from '../../src/features/auth/auth.tables.js';
import { organisations } from '../../src/features/organisation/organisation.tables.js';
import { createServices } from '../../src/services.js';
import { SYSTEM_ACTOR, verifyAuditChain } from '../../src/platform/audit/audit.js';
import { createPostgresDatabase, TEST_DB_KIND } from '../support/db.js';
import { Browser, killServer, startServer, stopServer, type AppServer } from '../support/server.js';

const SECRETARY = { email: 'krasch@example.se', password: 'rätt häftig häst batteri' };
const ROUNDS = 3;
const PARALLEL = 4;

type Target = { env: Record<string, string>; config: Parameters<typeof buildConfig>[0]; cleanup: () => Promise<void> };

async function prepareTarget(): Promise<Target> {
  if (TEST_DB_KIND === 'postgres') {
    const created = await createPostgresDatabase();
    return { env: { DATABASE_URL: created.url }, config: { databaseUrl: created.url }, cleanup: created.drop };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kansli-crash-'));
  return { env: { KANSLI_DATA_DIR: dir }, config: { dataDir: dir, databaseUrl: undefined }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A committee, a secretary and a classification scheme, written directly before any server runs. */
async function seed(target: Target): Promise<void> {
  const database = await openDatabase(buildConfig({ logLevel: 'silent', ...target.config }));
  try {
    const services = createServices(database, buildConfig({ logLevel: 'silent', ...target.config }));
    const [committee] = await database.db.insert(organisations).values({ kind: 'committee', name: 'Kraschnämnden', slug: 'krasch' }).returning();
    if (!committee) throw new Error('no committee');
    const userId = await services.auth.createUser({ email: SECRETARY.email, name: 'Krasch Sekreterare', password: SECRETARY.password, grants: [] }, SYSTEM_ACTOR);
    await database.db.insert(roleAssignments).values({ userId, organisationId: committee.id, role: 'secretary' });
    const principal = { userId, email: SECRETARY.email, name: 'K', grants: [{ organisationId: committee.id, role: 'secretary' as const }] };
    await services.registry.importCodes(principal, 'krasch', 'kod;rubrik;gallring\n1.1;Styrning;Bevaras\n');
  } finally {
    await database.close();
  }
}

describe(`crash safety on ${TEST_DB_KIND}: SIGKILL mid-stream loses no acknowledged write`, () => {
  let target: Target;
  let server: AppServer | undefined;
  const acknowledged = new Map<string, string>(); // case id → title
  let attempted = 0;

  before(async () => {
    target = await prepareTarget();
    await seed(target);
  });
  after(async () => {
    if (server) await stopServer(server);
    await target.cleanup();
  });

  for (let round = 1; round <= ROUNDS; round += 1) {
    it(`round ${round}: writes, kill -9, restart, every acknowledged case is there`, async (t) => {
      server = await startServer(target.env);
      const browser = new Browser();
      await browser.signIn(server, SECRETARY.email, SECRETARY.password);
      const live = server;
      let stop = false;
      let ackedThisRound = 0;
      const writer = async (lane: number) => {
        for (let i = 0; !stop; i += 1) {
          const title = `Krasch r${round} l${lane} n${i}`;
          attempted += 1;
          try {
            const response = await browser.request(live, '/arenden/nytt', { organisation: 'krasch', title, classificationCode: '1.1' });
            const match = /^\/arenden\/([0-9a-f-]{36})$/.exec(response.headers.get('location') ?? '');
            if (response.status === 302 && match?.[1]) {
              acknowledged.set(match[1], title);
              ackedThisRound += 1;
            }
          } catch {
            return; // the connection died with the server: this write was never acknowledged
          }
        }
      };
      const lanes = Array.from({ length: PARALLEL }, (_, lane) => writer(lane));
      // Kill while writes are in flight, after a random number of acknowledgements.
      const killAfter = 15 + Math.floor(Math.random() * 20);
      while (ackedThisRound < killAfter) await new Promise((r) => setTimeout(r, 5));
      await killServer(live);
      stop = true;
      await Promise.all(lanes);

      server = await startServer(target.env);
      const reader = new Browser();
      await reader.signIn(server, SECRETARY.email, SECRETARY.password);
      for (const [id, title] of acknowledged) {
        const response = await reader.request(server, `/arenden/${id}`);
        assert.equal(response.status, 200, `acknowledged case ${title} is missing after the crash`);
        assert.ok((await response.text()).includes(title));
      }
      await stopServer(server);
      server = undefined;

      const database = await openDatabase(buildConfig({ logLevel: 'silent', ...target.config }));
      try {
        const rows = await database.query<{ number: number; audits: number }>(sql`
          select c.number, (select count(*)::int from audit_log a where a.entity_id = c.id::text and a.action = 'case.create') as audits
          from cases c order by c.number`);
        assert.ok(rows.length >= acknowledged.size, `${rows.length} cases stored, ${acknowledged.size} acknowledged`);
        assert.ok(rows.length <= attempted);
        assert.deepEqual(rows.map((r) => r.number), rows.map((_, i) => i + 1), 'case numbers without gaps');
        assert.ok(rows.every((r) => r.audits === 1), 'every case has exactly one audit entry');
        const [counter] = await database.query<{ last: number }>(sql`select max(last_number)::int as last from registry_counters where series = 'case'`);
        assert.equal(counter?.last, rows.length, 'the counter matches the cases');
        const chain = await verifyAuditChain(database.db);
        assert.equal(chain.ok, true);
        t.diagnostic(`round ${round}: ${acknowledged.size} acknowledged in all, ${rows.length} stored, ${attempted} attempted; all acknowledged found`);
      } finally {
        await database.close();
      }
    });
  }
});
