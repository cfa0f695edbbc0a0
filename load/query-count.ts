/**
 * How many SQL statements one request sends to the database: the figure that does not depend on
 * the machine's load. The real app is built in this process (as the tests build it) on the load
 * database, every statement a `pg` client sends is counted, and each request is injected once
 * after a warm-up pass over all of them (the steady state of a server under load).
 */
import pg from 'pg';
import { buildConfig } from '../src/platform/config/config.js';
import { openPostgres } from '../src/platform/db/database.js';
import { buildApp } from '../src/platform/http/app.js';
import { KANSLI } from '../src/routes.js';
import { createServices } from '../src/services.js';

export interface QueryCount {
  /** Statements of each request, in order. */
  perRequest: number[];
  /** The app's CPU time per request in this process (the database server's not included), ms. */
  cpuMsPerRequest: number;
  /** Each distinct statement's text (shortened) and how often it was sent, most frequent first. */
  statements: { text: string; count: number }[];
}

type Query = (this: pg.Client, ...args: unknown[]) => unknown;

export async function countQueries(url: string, requests: { path: string; cookie?: string }[]): Promise<QueryCount> {
  const seen: string[] = [];
  const original = pg.Client.prototype.query as unknown as Query;
  const counting: Query = function (this: pg.Client, ...args) {
    const [first] = args;
    const text = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '');
    seen.push(text.replace(/\s+/g, ' ').slice(0, 160));
    return original.apply(this, args);
  };
  (pg.Client.prototype as unknown as { query: Query }).query = counting;
  const database = openPostgres(url, { max: 4 });
  const app = buildApp(createServices(database, buildConfig({ databaseUrl: url, logLevel: 'silent' })), KANSLI);
  try {
    await app.ready();
    const inject = async (request: { path: string; cookie?: string }) => {
      const response = await app.inject({ method: 'GET', url: request.path, headers: request.cookie ? { cookie: request.cookie } : {} });
      if (response.statusCode !== 200) throw new Error(`${request.path} answered ${response.statusCode}`);
    };
    // A warm-up pass: what a process keeps in memory (a board, setup done) is read once, not per request.
    for (const request of requests) await inject(request);
    seen.length = 0;
    const perRequest: number[] = [];
    const all: string[] = [];
    for (const request of requests) {
      await inject(request);
      perRequest.push(seen.length);
      all.push(...seen.splice(0));
    }
    // CPU time: ten more passes, not counted (the counting itself costs a little).
    (pg.Client.prototype as unknown as { query: Query }).query = original;
    const cpu = process.cpuUsage();
    for (let pass = 0; pass < 10; pass += 1) for (const request of requests) await inject(request);
    const used = process.cpuUsage(cpu);
    const cpuMsPerRequest = Math.round((100 * (used.user + used.system)) / 1000 / (10 * requests.length)) / 100;
    const counts = new Map<string, number>();
    for (const text of all) counts.set(text, (counts.get(text) ?? 0) + 1);
    const statements = [...counts].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count);
    return { perRequest, cpuMsPerRequest, statements };
  } finally {
    (pg.Client.prototype as unknown as { query: Query }).query = original;
    await app.close();
    await database.close();
  }
}
