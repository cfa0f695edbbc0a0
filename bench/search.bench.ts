/**
 * Search benchmark: a generated corpus of protocol paragraphs, ~200 queries of one to three
 * common words through the search service and through the same SQL by hand, p50/p95/p99.
 * PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL): 1,000,000 rows in the database
 * `kansli_bench`, kept between runs. PGlite: 100,000 rows in a temporary folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { buildConfig } from '../src/platform/config/config.js';
import { fromPgliteClient, openPostgres, type Database } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { createSearchService, SCAN_SHARE } from '../src/features/search/search.service.js';
import { refineTsquery } from '../src/features/search/search-query.js';
import { MAX_CANDIDATES } from '../src/features/search/search.schema.js';
import { benchQueries, commonWords, CORPUS_VERSION, insertParagraphs, readSeedWords, type RawDb } from './generate-corpus.js';

const RESULTS = path.resolve(import.meta.dirname, '../bench-results');
const QUERY_COUNT = 200;
const WARM_UP = 20;

interface Target {
  kind: 'postgres' | 'pglite';
  rows: number;
  p95Ms: number;
  /** The service's p95 may be at most this times the raw SQL's. */
  maxRatio?: number;
}

const TARGETS: Record<Target['kind'], Target> = {
  postgres: { kind: 'postgres', rows: 1_000_000, p95Ms: 50, maxRatio: 1.5 },
  pglite: { kind: 'pglite', rows: 100_000, p95Ms: 150 },
};

// The statements the service sends, written out by hand: the baseline without Drizzle and presentation.
const RAW_PARSE = `select websearch_to_tsquery('swedish', $1)::text as query, (select reltuples::float8 from pg_class where oid = 'search_entries'::regclass) as rows`;
const RAW_ESTIMATE = `explain (format json) select 1 from search_entries e where e.tsv @@ $1::tsquery and (e.visibility = any($2::text[]))`;
const rawSearch = (match: string) => `
  with matched as materialized (
    select e.kind, e.ref_id, e.year, ts_rank_cd(e.tsv, $1::tsquery) as rank
    from search_entries e where ${match} and (e.visibility = any($2::text[]))
    limit $3
  ),
  page as (select * from matched order by rank desc, year desc, kind, ref_id limit $4 offset 0)
  select
    (select json_agg(f) from (select kind, year, count(*)::int as n from matched group by kind, year) f) as facets,
    (select json_agg(h order by h.rank desc, h.year desc, h.kind, h."refId") from (
       select p.kind, p.ref_id as "refId", s.reference, s.title, s.url, s.year, p.rank,
              ts_headline('swedish', case when s.content = '' then s.title else left(s.content, 100000) end, $1::tsquery, $5) as headline
       from page p join search_entries s on s.kind = p.kind and s.ref_id = p.ref_id) h) as hits`;
const RAW_INDEXED = rawSearch('e.tsv @@ $1::tsquery');
const RAW_SCAN = rawSearch('ts_match_vq(e.tsv, $1::tsquery)');
const HEADLINE = 'StartSel="\uE000", StopSel="\uE001", MaxFragments=2, MaxWords=30, MinWords=10';

async function rawSearchOnce(db: RawDb, q: string): Promise<void> {
  const [parsed] = await db.query<{ query: string; rows: number }>(RAW_PARSE, [q]);
  const tsquery = refineTsquery(parsed?.query ?? '');
  if (!tsquery || !parsed) return;
  const open = ['public'];
  const [plan] = await db.query<{ 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }>(RAW_ESTIMATE, [tsquery, open]);
  const share = parsed.rows > 0 ? (plan?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0) / parsed.rows : 0;
  await db.query(share >= SCAN_SHARE ? RAW_SCAN : RAW_INDEXED, [tsquery, open, MAX_CANDIDATES + 1, 20, HEADLINE]);
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => Number((sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0).toFixed(2));
  const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: Number(mean.toFixed(2)), max: at(1) };
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Fill search_entries unless it already holds this corpus; GIN index built once, after the rows. */
async function ensureCorpus(raw: RawDb, options: { rows: number; loaders: RawDb[]; maintenanceWorkMem: string }): Promise<number> {
  // The mark names the corpus and the tsv expression: a changed schema fills the table again.
  const [state] = await raw.query<{ n: number; version: string | null; tsv: string }>(
    `select (select count(*)::int from search_entries) as n, obj_description('search_entries'::regclass, 'pg_class') as version,
            (select left(md5(pg_get_expr(d.adbin, d.adrelid)), 12) from pg_attrdef d join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
              where d.adrelid = 'search_entries'::regclass and a.attname = 'tsv') as tsv`,
  );
  const mark = `${CORPUS_VERSION}; tsv ${state?.tsv ?? ''}`;
  if (state?.n === options.rows && state.version === mark) return 0;
  const start = performance.now();
  const words = readSeedWords();
  await raw.query('truncate search_entries');
  await raw.query('drop index if exists search_entries_tsv_idx');
  const share = Math.ceil(options.rows / options.loaders.length);
  let done = 0;
  await Promise.all(
    options.loaders.map((db, i) =>
      insertParagraphs(db, {
        from: i * share,
        to: Math.min(options.rows, (i + 1) * share),
        batchSize: 5000,
        words,
        onBatch: (n) => {
          done += n;
          if (done % 100_000 < n) process.stdout.write(`  ${done.toLocaleString('sv-SE')} rader\n`);
        },
      }),
    ),
  );
  await raw.query(`set maintenance_work_mem = '${options.maintenanceWorkMem}'`);
  await raw.query('create index search_entries_tsv_idx on search_entries using gin (tsv)');
  await raw.query('vacuum analyze search_entries');
  await raw.query(`comment on table search_entries is '${mark}'`);
  return (performance.now() - start) / 1000;
}

async function benchOne(target: Target, database: Database, raw: RawDb, serverVersion: string, generatedSeconds: number) {
  const search = createSearchService({ database, config: buildConfig({ logLevel: 'silent' }), clock: () => new Date() });
  const queries = benchQueries(await commonWords(raw, readSeedWords(), 50), QUERY_COUNT);
  const [load = 0] = os.loadavg();
  if (load > os.cpus().length) console.log(`  Obs: maskinen är belastad (load ${load.toFixed(1)} på ${os.cpus().length} kärnor); tiderna blir längre än på en ledig maskin.`);
  const started = performance.now();
  for (const q of queries.slice(0, WARM_UP)) {
    await search.search(null, { q });
    await rawSearchOnce(raw, q);
  }
  const serviceMs: number[] = [];
  const rawMs: number[] = [];
  for (const [i, q] of queries.entries()) {
    // Alternate which goes first, so that neither always finds the other's pages in the cache.
    const viaService = () => time(() => search.search(null, { q }));
    const viaRaw = () => time(() => rawSearchOnce(raw, q));
    if (i % 2 === 0) {
      serviceMs.push(await viaService());
      rawMs.push(await viaRaw());
    } else {
      rawMs.push(await viaRaw());
      serviceMs.push(await viaService());
    }
  }
  const service = percentiles(serviceMs);
  const rawSql = percentiles(rawMs);
  const ratio = Number((service.p95 / Math.max(0.001, rawSql.p95)).toFixed(2));
  const result = {
    bench: 'search',
    database: target.kind,
    serverVersion,
    rows: target.rows,
    queries: QUERY_COUNT,
    sampleQueries: queries.slice(0, 5),
    serviceMs: service,
    rawSqlMs: rawSql,
    p95Ratio: ratio,
    target: { p95Ms: target.p95Ms, maxRatio: target.maxRatio ?? null },
    met: service.p95 < target.p95Ms && (target.maxRatio === undefined || ratio <= target.maxRatio),
    corpusGeneratedSeconds: Number(generatedSeconds.toFixed(1)),
    queriesSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))) },
    date: new Date().toISOString(),
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, `search-${target.kind}.json`), `${JSON.stringify(result, null, 2)}\n`);
  const row = (label: string, s: typeof service) => `  ${label.padEnd(8)} p50 ${s.p50.toFixed(1).padStart(6)} ms   p95 ${s.p95.toFixed(1).padStart(6)} ms   p99 ${s.p99.toFixed(1).padStart(6)} ms`;
  console.log(`\nsearch · ${target.kind} ${serverVersion} · ${target.rows.toLocaleString('sv-SE')} rader · ${QUERY_COUNT} sökningar`);
  console.log(row('tjänst', service));
  console.log(row('rå SQL', rawSql));
  console.log(`  p95 tjänst/rå SQL ${ratio} · mål p95 < ${target.p95Ms} ms${target.maxRatio ? ` och ≤ ${target.maxRatio}×` : ''} · ${result.met ? 'UPPFYLLT' : 'MISSAT'}`);
  return result;
}

async function benchPostgres(url: string) {
  const target = TARGETS.postgres;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const exists = await admin.query(`select 1 from pg_database where datname = 'kansli_bench'`);
  if (exists.rowCount === 0) await admin.query('create database kansli_bench');
  await admin.end();
  const benchUrl = new URL(url);
  benchUrl.pathname = '/kansli_bench';
  const database = openPostgres(benchUrl.toString(), { max: 2 });
  const pool = new pg.Pool({ connectionString: benchUrl.toString(), max: Math.max(2, Math.min(4, os.cpus().length)) });
  const poolDb: RawDb = { query: async <T>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as T[] };
  const client = new pg.Client({ connectionString: benchUrl.toString() });
  await client.connect();
  const raw: RawDb = { query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[] };
  try {
    await migrate(database);
    console.log(`PostgreSQL: korpus med ${target.rows.toLocaleString('sv-SE')} rader i kansli_bench …`);
    const generated = await ensureCorpus(raw, { rows: target.rows, loaders: Array.from({ length: Math.max(2, Math.min(4, os.cpus().length)) }, () => poolDb), maintenanceWorkMem: '1GB' });
    console.log(generated ? `  skapad på ${generated.toFixed(0)} s` : '  fanns redan');
    const [version] = await raw.query<{ server_version: string }>('show server_version');
    return await benchOne(target, database, raw, `PostgreSQL ${version?.server_version ?? ''}`, generated);
  } finally {
    await client.end();
    await pool.end();
    await database.close();
  }
}

async function benchPglite() {
  const target = TARGETS.pglite;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kansli-bench-'));
  const client = await PGlite.create(path.join(dir, 'pg'));
  const database = fromPgliteClient(client);
  const raw: RawDb = { query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows };
  try {
    await migrate(database);
    console.log(`PGlite: korpus med ${target.rows.toLocaleString('sv-SE')} rader i ${dir} …`);
    const generated = await ensureCorpus(raw, { rows: target.rows, loaders: [raw], maintenanceWorkMem: '256MB' });
    console.log(`  skapad på ${generated.toFixed(0)} s`);
    const [version] = await raw.query<{ server_version: string }>('show server_version');
    return await benchOne(target, database, raw, `PGlite (PostgreSQL ${version?.server_version ?? ''})`, generated);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run bench -- search [--db=postgres|pglite]` */
export async function runSearchBench(args: readonly string[]): Promise<boolean> {
  const only = args.find((a) => a.startsWith('--db='))?.slice(5);
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const results = [];
  if (only !== 'pglite') {
    if (url) results.push(await benchPostgres(url));
    else console.log('PostgreSQL: hoppas över (sätt BENCH_DATABASE_URL eller TEST_DATABASE_URL).');
  }
  if (only !== 'postgres') results.push(await benchPglite());
  return results.every((r) => r.met);
}
