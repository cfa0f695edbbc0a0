/**
 * Issue 19's goal for the browser journeys: every form submission answers in p95 < 300 ms on
 * PGlite. The journeys' app server records how long each POST took from its arrival to the last
 * byte of the answer (the server's time, not the browser's), by route with ids folded to `:id`;
 * each journey file appends its records to one file, and `npm run test:browser` prints the
 * summary when all journeys have run. A report, never a test that fails on time.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { durationStats } from '../../bench/stats.js';

export const FORM_TIMINGS_FILE = path.resolve(import.meta.dirname, '../../test-results/form-timings.jsonl');
export const FORM_GOAL_P95_MS = 300;

interface FormTiming {
  route: string;
  status: number;
  ms: number;
}

/** `/protokoll/0b9…/justera?x=1` → `/protokoll/:id/justera`. */
export function routeOf(url: string): string {
  return (url.split('?')[0] ?? '/').replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi, '/:id').replace(/\/\d+(?=\/|$)/g, '/:n');
}

/** Record every POST the server answers; `flush` appends them to the shared file. */
export function recordFormTimings(server: Server): { flush(): void } {
  const records: FormTiming[] = [];
  server.on('request', (request, response) => {
    if (request.method !== 'POST') return;
    const started = performance.now();
    response.once('finish', () => records.push({ route: routeOf(request.url ?? '/'), status: response.statusCode, ms: performance.now() - started }));
  });
  return {
    flush() {
      if (records.length === 0) return;
      mkdirSync(path.dirname(FORM_TIMINGS_FILE), { recursive: true });
      appendFileSync(FORM_TIMINGS_FILE, records.splice(0).map((r) => JSON.stringify(r) + '\n').join(''));
    },
  };
}

export function clearFormTimings(): void {
  rmSync(FORM_TIMINGS_FILE, { force: true });
}

/** The summary printed after the journeys: all submissions, and the slowest routes by their p95. */
export function formTimingsReport(): string {
  if (!existsSync(FORM_TIMINGS_FILE)) return 'Formulär / form submissions: inga mätningar / none recorded.';
  const records = readFileSync(FORM_TIMINGS_FILE, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as FormTiming);
  const all = durationStats(records.map((r) => r.ms));
  const byRoute = new Map<string, number[]>();
  for (const r of records) byRoute.set(r.route, [...(byRoute.get(r.route) ?? []), r.ms]);
  const routes = [...byRoute].map(([route, ms]) => ({ route, ...durationStats(ms) })).sort((a, b) => b.p95Ms - a.p95Ms);
  const over = routes.filter((r) => r.p95Ms >= FORM_GOAL_P95_MS);
  const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  return [
    `Formulär i resorna / form submissions in the journeys (PGlite, serverns tid; belastning / load average ${load} på ${os.cpus().length} kärnor):`,
    `  alla / all: ${all.n} inskick över ${routes.length} vägar, p50 ${all.p50Ms} ms, p95 ${all.p95Ms} ms, max ${all.maxMs} ms`,
    ...routes.slice(0, 8).map((r) => `  ${r.route}: ${r.n} st, p95 ${r.p95Ms} ms, max ${r.maxMs} ms`),
    over.length === 0
      ? `  Målet nått: varje väg p95 < ${FORM_GOAL_P95_MS} ms. / Goal met.`
      : `  Målet missat / goal missed (p95 ≥ ${FORM_GOAL_P95_MS} ms): ${over.map((r) => r.route).join(', ')}`,
  ].join('\n');
}
