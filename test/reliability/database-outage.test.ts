/**
 * The database goes away while the app serves: requests fail with a clear 503 (never a 500,
 * never a hang), the process stays up, and it recovers by itself when the database returns.
 * Uses a private PostgreSQL cluster (Debian's binaries) so that stopping it harms no one else.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildConfig } from '../../src/platform/config/config.js';
import { openDatabase } from '../../src/platform/db/open.js';
import { organisations } from '../../src/features/organisation/organisation.tables.js';
import { createServices } from '../../src/services.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/audit.js';
import { TEST_DB_KIND } from '../support/db.js';
import { freePort, startServer, stopServer, type AppServer } from '../support/server.js';

function postgresBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const version = readdirSync(base).sort().at(-1);
  const bin = version ? path.join(base, version, 'bin') : undefined;
  return bin && existsSync(path.join(bin, 'pg_ctl')) ? bin : undefined;
}

const BIN = postgresBin();
const skip = TEST_DB_KIND !== 'postgres' ? 'runs in the PostgreSQL pass' : !BIN ? 'PostgreSQL binaries not found' : false;

describe('database outage: 503 while away, recovery without a restart', { skip }, () => {
  let dir: string;
  let port: number;
  let server: AppServer | undefined;
  const asRoot = process.getuid?.() === 0;

  /** Run a PostgreSQL binary as the postgres user when we are root (initdb refuses root). */
  function pg(tool: string, args: string[]): void {
    const command = path.join(BIN ?? '', tool);
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
    else execFileSync(command, args, { stdio: 'pipe' });
  }
  const startPostgres = () => pg('pg_ctl', ['-D', dir, '-l', path.join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  const stopPostgres = () => pg('pg_ctl', ['-D', dir, '-m', 'fast', '-w', 'stop']);

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kansli-outage-'));
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(dir, uid, gid);
    }
    port = await freePort();
    pg('initdb', ['-D', dir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    startPostgres();
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const config = buildConfig({ logLevel: 'silent', databaseUrl: url });
    const database = await openDatabase(config);
    try {
      const services = createServices(database, config);
      await database.db.insert(organisations).values({ kind: 'committee', name: 'Avbrottsnämnden', slug: 'avbrott' });
      await services.auth.createUser({ email: 'a@example.se', name: 'A', password: 'rätt häftig häst batteri', grants: [] }, SYSTEM_ACTOR);
    } finally {
      await database.close();
    }
    server = await startServer({ DATABASE_URL: url });
  });

  after(async () => {
    await stopServer(server);
    try {
      stopPostgres();
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves while the database is up', async () => {
    assert.equal((await fetch(`${server?.url}/diarium`)).status, 200);
    assert.equal((await fetch(`${server?.url}/healthz`)).status, 200);
  });

  it('answers 503 with a clear message in Swedish and English while the database is away', async () => {
    stopPostgres();
    const page = await fetch(`${server?.url}/diarium`);
    assert.equal(page.status, 503);
    assert.match(await page.text(), /Databasen svarar inte just nu/);
    assert.equal(page.headers.get('retry-after'), '5');
    const api = await fetch(`${server?.url}/api/v1/cases`, { headers: { authorization: 'Bearer nonsense' } });
    assert.equal(api.status, 503);
    const body = (await api.json()) as { error: { code: string; message: { sv: string; en: string } } };
    assert.equal(body.error.code, 'DATABASE_UNAVAILABLE');
    assert.match(body.error.message.en, /database/i);
    assert.equal((await fetch(`${server?.url}/healthz`)).status, 503);
    assert.equal(server?.child.exitCode, null, 'the app process is still running');
  });

  it('recovers by itself when the database returns', async () => {
    startPostgres();
    const deadline = Date.now() + 30_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await fetch(`${server?.url}/diarium`)).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.equal(status, 200, 'the app serves again without a restart');
    assert.equal((await fetch(`${server?.url}/healthz`)).status, 200);
  });
});
