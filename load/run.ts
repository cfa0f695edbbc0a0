/**
 * `npm run load`: the app on a generated national dataset under many readers at once, on
 * loopback and bounded in time: 200 signed-in members reading meetings and their papers, and
 * 1,000 public readers on the municipalities' notice boards, both at the same time. Reports
 * throughput, p50/p99 and errors (the goal: no errors) to the console and bench-results/load.json.
 *
 * PostgreSQL: DATABASE_URL (or TEST_DATABASE_URL) names a server; the database `kansli_load` is
 * made there (kept between runs: generating a million paragraphs takes minutes).
 * `--smoke`: a small dataset and a few seconds (what CI runs). `--duration N` seconds.
 * `--only members` or `--only public`: one of the two kinds of reader (to look at one page alone).
 * `--cpu-prof`: the server writes a V8 CPU profile to bench-results/load-profile/ (summarise it
 * with `tsx bench/profile-summary.ts FILE`).
 * `--meeting` (with or without `--smoke`): an electronic vote of 300 members over two app servers
 * instead (load/meeting.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openPostgres } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { sha256 } from '../src/features/auth/auth.service.js';
import { startServer, stopServer } from '../test/support/server.js';
import { generateNational, MUNICIPALITIES } from './generate-national.js';
import { countQueries, type QueryCount } from './query-count.js';

const args = process.argv.slice(2);
if (args.includes('--meeting')) {
  const { runMeetingLoad } = await import('./meeting.js');
  process.exit(await runMeetingLoad(args));
}
const smoke = args.includes('--smoke');
const durationArg = args.indexOf('--duration');
const duration = durationArg >= 0 ? Number(args[durationArg + 1]) : smoke ? 3 : 30;
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? args[onlyArg + 1] : undefined;
if (only !== undefined && only !== 'members' && only !== 'public') throw new Error('--only members | --only public');
const cpuProf = args.includes('--cpu-prof');
const scale = smoke ? 0.002 : 1;
const MEMBERS = smoke ? 20 : 200;
const PUBLIC_READERS = smoke ? 50 : 1000;
const RESULTS = path.resolve(import.meta.dirname, '../bench-results');

const serverUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dbName = smoke ? 'kansli_load_smoke' : 'kansli_load';

async function prepareDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [dbName])).rowCount;
  if (smoke && exists) await admin.query(`drop database ${dbName} with (force)`);
  if (smoke || !exists) await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
}

const url = await prepareDatabase();
const database = openPostgres(url, { max: 4 });
await migrate(database);
const [present] = await database.query<{ n: number }>(sql`select count(*)::int as n from protocol_paragraphs`);
if (!present?.n) {
  const started = performance.now();
  console.log(`Skapar nationellt dataset (skala ${scale}) … / generating the national dataset …`);
  const counts = await generateNational(database, { scale, members: MEMBERS, passwordHash: 'not-for-sign-in' });
  console.log(`  ${JSON.stringify(counts)} på ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
// Sessions straight in the database: the load is reading, not argon2 at sign-in.
await database.query(sql`delete from sessions where user_id in (select id from users where email like '%@riket.example')`);
const members = await database.query<{ id: string }>(sql`select id from users where email like '%@riket.example' order by email limit ${MEMBERS}`);
const cookies: string[] = [];
for (const member of members) {
  const token = randomBytes(24).toString('base64url');
  await database.query(sql`insert into sessions (token_hash, user_id, expires_at) values (${sha256(token)}, ${member.id}, now() + interval '1 day')`);
  // A browser also keeps the CSRF cookie it got with its first page (the sign-out form needs it).
  cookies.push(`kansli_session=${token}; kansli_csrf=${randomBytes(24).toString('base64url')}`);
}
const meetingIds = (await database.query<{ id: string }>(sql`select id from meetings order by random() limit 500`)).map((r) => r.id);
const slugs = (await database.query<{ slug: string }>(sql`select slug from organisations where kind = 'municipality' order by slug`)).map((r) => r.slug);
await database.close();

// Statements per request, measured in this process before the load: independent of the machine's load.
const queries: Record<string, QueryCount> = {
  'members /moten/:id': await countQueries(url, meetingIds.slice(0, 20).map((id, i) => ({ path: `/moten/${id}`, cookie: cookies[i % cookies.length] }))),
  'public /anslagstavla/:slug': await countQueries(url, slugs.slice(0, 20).map((slug) => ({ path: `/anslagstavla/${slug}` }))),
};
const mean = (xs: number[]) => Math.round((10 * xs.reduce((a, b) => a + b, 0)) / Math.max(1, xs.length)) / 10;

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;
const profileDir = path.join(RESULTS, 'load-profile');
const server = await startServer({ DATABASE_URL: url, LOG_LEVEL: 'error' }, { nodeArgs: cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [] });
try {
  const loadBefore = os.loadavg();
  const common = { url: server.url, duration, timeout: 20 };
  const none = Promise.resolve(undefined);
  const memberRun = only === 'public' ? none : autocannon({
    ...common,
    connections: MEMBERS,
    requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: `/moten/${pick(meetingIds)}`, headers: { cookie: pick(cookies) } }) }],
  });
  const publicRun = only === 'members' ? none : autocannon({
    ...common,
    connections: PUBLIC_READERS,
    requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: `/anslagstavla/${pick(slugs)}` }) }],
  });
  const [m, p] = await Promise.all([memberRun, publicRun]);
  const loadAfter = os.loadavg();
  const summary = (label: string, r: autocannon.Result) => ({
    label,
    connections: r.connections,
    requests: r.requests.total,
    throughput: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    statusCodes: r.statusCodeStats,
    queriesPerRequest: mean(queries[label]?.perRequest ?? []),
    cpuMsPerRequest: queries[label]?.cpuMsPerRequest,
  });
  const rows = [m && summary('members /moten/:id', m), p && summary('public /anslagstavla/:slug', p)].filter((row) => row !== undefined);
  const result = {
    benchmark: 'load',
    date: new Date().toISOString(),
    smoke,
    only: only ?? 'both',
    durationSeconds: duration,
    dataset: { municipalities: MUNICIPALITIES, scale },
    loadAverage: { before: loadBefore, after: loadAfter },
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    rows,
    statements: Object.fromEntries(Object.entries(queries).map(([label, q]) => [label, q.statements])),
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, `${smoke ? 'load-smoke' : 'load'}${only ? `-${only}` : ''}.json`), `${JSON.stringify(result, null, 2)}\n`);
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
  console.log(`\nLast / load (${duration} s, ${os.cpus().length} kärnor; belastning / load average ${load(loadBefore)} före, ${load(loadAfter)} efter):`);
  for (const row of rows) {
    console.log(`  ${row.label}: ${row.connections} anslutningar, ${row.requests} svar, ${row.throughput}/s, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, fel ${row.errors}, ej 2xx ${row.non2xx}, ${row.queriesPerRequest} SQL-frågor och ${row.cpuMsPerRequest} ms CPU per svar`);
  }
  const failed = rows.some((row) => row.errors > 0 || row.non2xx > 0 || row.requests === 0);
  console.log(failed ? 'Fel uppstod under lasten. / Errors under load.' : 'Inga fel. / No errors.');
  process.exitCode = failed ? 1 : 0;
} finally {
  await stopServer(server);
  if (cpuProf) console.log(`CPU-profil / CPU profile: ${profileDir}`);
}
